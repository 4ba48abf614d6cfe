import ArgumentParser
import Basics
import Diagnostics
import Proto

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
      100 lint or breaking violations; 64 bad arguments. Colour only on a terminal (or \
      with CLICOLOR_FORCE or FORCE_COLOR set) and never when NO_COLOR is set.
      """,
    // The bundled modules' versions too: which protovalidate or googleapis a build compiles against.
    version: SebufVersion.current + "\n" + BundledModules.versionReport,
    subcommands: [
      BuildCommand.self, GenerateCommand.self, LintCommand.self, BreakingCommand.self, FormatCommand.self,
      PlanCommand.self, LsFilesCommand.self, InitCommand.self, CompletionCommand.self, StatsCommand.self,
      ExportCommand.self, ConfigCommand.self,
    ]
  )

  /// The subcommand names, in the order of `--help`, plus the built-in `help`.
  static var commandNames: [String] {
    configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
  }

  /// Checks the subcommand word before ArgumentParser does, so a typo gets a suggestion
  /// (ArgumentParser only says "Unexpected argument") and `help TYPO` is an error rather
  /// than the root help with exit 0.
  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let message = UnknownCommand.message(arguments, commands: commandNames) {
      OutputStream.standardError.write(message)
      Self.exit(withError: ExitCode.validationFailure)
    }
    await main(arguments)
  }
}

/// The message for an unknown subcommand word, as buf prints it: the word, the closest
/// command when one is a plausible typo, and where the list is.
enum UnknownCommand {
  /// nil when `arguments` name a known command (or start with an option, which
  /// ArgumentParser reports itself).
  static func message(_ arguments: [String], commands: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    var word = first
    var parent = "sebuf"
    if first == "help" {
      guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return nil }
      word = arguments[1]
      parent = "sebuf help"
    }
    guard !commands.contains(word) else { return nil }
    var text = "error: unknown command '\(word)' for '\(parent)'."
    if let best = DidYouMean.best(word, in: commands.filter { $0 != "help" }) {
      text += " Did you mean '\(best)'?"
    }
    return text + "\nRun 'sebuf --help' for the list of commands.\n"
  }
}
