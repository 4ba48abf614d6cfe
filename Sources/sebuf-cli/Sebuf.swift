import ArgumentParser
import Diagnostics

/// The `sebuf` command: compile, lint, check breaking changes and generate code for
/// HTTP APIs described in protobuf.
@main
struct Sebuf: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sebuf",
    abstract: "Compile, lint, check and generate HTTP APIs described in protobuf.",
    discussion: """
      sebuf reads sebuf.yaml in the given directory or its nearest parent (or buf.yaml and \
      buf.gen.yaml v2). Start with `sebuf init`, then `sebuf generate` or `sebuf lint`.

      Exit codes: 0 clean; 1 error (bad config, compile error, failing plugin, I/O); \
      100 lint or breaking violations; 64 bad arguments. Colour only on a terminal and \
      never when NO_COLOR is set.
      """,
    version: SebufVersion.current,
    subcommands: [
      BuildCommand.self, GenerateCommand.self, LintCommand.self, BreakingCommand.self, FormatCommand.self,
      PlanCommand.self, LsFilesCommand.self, InitCommand.self, CompletionCommand.self,
    ]
  )
}
