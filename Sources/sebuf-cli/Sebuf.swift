import ArgumentParser
import Diagnostics

/// The `sebuf` command: compile, lint, check breaking changes and generate code for
/// HTTP APIs described in protobuf.
@main
struct Sebuf: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sebuf",
    abstract: "Compile, lint, check and generate HTTP APIs described in protobuf.",
    version: SebufVersion.current,
    subcommands: [
      BuildCommand.self, GenerateCommand.self, LintCommand.self, BreakingCommand.self,
      PlanCommand.self, LsFilesCommand.self, InitCommand.self, CompletionCommand.self,
    ]
  )
}
