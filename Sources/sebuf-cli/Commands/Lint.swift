import ArgumentParser
import Diagnostics
import Foundation
import Lint
import Proto

/// `sebuf lint`: buf's lint rules plus sebuf's HTTP rules over the workspace's files.
struct LintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check .proto files against buf's lint rules and sebuf's HTTP rules.",
    discussion: """
      Prints findings as path:line:col:message (like buf) and exits 0 when clean, 100 with \
      findings, 1 on errors. Rules come from the `lint:` block of sebuf.yaml (default: \
      STANDARD). Silence one finding with a `// sebuf:lint:ignore RULE_ID` (or \
      `// buf:lint:ignore RULE_ID`) line in the element's leading comment. \
      Example: `sebuf lint --error-format github-actions` in CI; \
      `sebuf lint --list-rules --all` to see every rule.
      """)

  @Option(
    name: .customLong("image"),
    help: ArgumentHelp(
      "Lint a compiled image (a FileDescriptorSet with source info, e.g. from `sebuf build -o x.binpb`).",
      valueName: "file"))
  var image: String?

  @Option(
    name: .customLong("path"),
    help: ArgumentHelp("Limit findings to these files or directories (repeatable).", valueName: "path"))
  var paths: [String] = []

  @Option(
    name: .customLong("error-format"),
    help: ArgumentHelp(
      "text, json, github-actions, junit, msvs, or config-ignore-yaml (an ignore_only block for the current findings).",
      valueName: "format"))
  var errorFormat: LintFormat = .text

  @Flag(name: .customLong("show-rule-ids"), help: "Append the rule id to each text finding: `… (FIELD_LOWER_SNAKE_CASE)`.")
  var showRuleIDs = false

  @Flag(name: .customLong("list-rules"), help: "List the rules the configuration enables (id, categories, purpose) and exit.")
  var listRules = false

  @Flag(name: .customLong("all"), help: "With --list-rules: list every rule, including deprecated ones.")
  var all = false

  enum LintFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
    case githubActions = "github-actions"
    case junit, msvs
    case configIgnoreYAML = "config-ignore-yaml"

    var diagnosticFormat: DiagnosticFormat? {
      switch self {
      case .text: .text
      case .json: .json
      case .githubActions: .githubActions
      case .junit: .junit
      case .msvs: .msvs
      case .configIgnoreYAML: nil
      }
    }
  }

  func run() async throws {
    signal(SIGPIPE, SIG_IGN)
    let settings = LintSettings()
    if listRules {
      let ids = all ? LintCatalog.catalog.rules.map(\.id) : settings.rules
      print(LintReports.ruleList(ids, json: errorFormat == .json), terminator: "")
      return
    }
    guard let image else {
      emit([.error("compiling .proto files is not available in this build yet; lint a compiled image with --image FILE", rule: "CONFIG")], to: 2)
      throw ExitCode(1)
    }
    let loaded: Image
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: image))
      loaded = try Linter.image(descriptorSet: [UInt8](data))
    } catch {
      emit([.error("cannot read image \(image): \(error)", rule: "CONFIG")], to: 2)
      throw ExitCode(1)
    }
    let findings = Linter.lint(Linter.restrict(loaded, to: paths), settings: settings)
    if let format = errorFormat.diagnosticFormat {
      emit(findings, format: format)
    } else {
      print(LintReports.configIgnoreYAML(findings), terminator: "")
    }
    if findings.hasErrors { throw ExitCode(100) }
  }

  private func emit(_ diagnostics: [Diagnostic], format: DiagnosticFormat = .text, to fd: Int32 = 1) {
    let text = format.render(diagnostics.normalized(), showRule: showRuleIDs)
    FileHandle(fileDescriptor: fd).write(Data(text.utf8))
  }
}
