import ArgumentParser
import Config
import Diagnostics
import Foundation
import Inputs
import Lint
import Proto

/// `sebuf lint`: buf's lint rules plus sebuf's HTTP rules over the workspace's files.
struct LintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check .proto files against buf's lint rules and sebuf's HTTP rules.",
    discussion: """
      Compiles the workspace and prints findings as path:line:col:message (like buf). Exits \
      0 when clean, 100 with findings (rules listed under `lint.warn` print as warnings and \
      do not fail), 1 on errors (bad config, unknown rule id, compile error). Rules come \
      from the `lint:` block of sebuf.yaml (default: STANDARD plus HTTP; a buf.yaml defaults to STANDARD). Silence one finding with a \
      `// sebuf:lint:ignore RULE_ID` (or `// buf:lint:ignore RULE_ID`) line in the \
      element's leading comment, or the parent's. \
      Examples: `sebuf lint --error-format github-actions` in CI; \
      `sebuf lint --error-format config-ignore-yaml` to adopt lint gradually; \
      `sebuf lint --list-rules --all`.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var exclude: ExcludePathOptions
  @OptionGroup var runtime: RunOptions

  @Option(
    name: .customLong("error-format"),
    help: ArgumentHelp(
      "text, json, github-actions, gitlab-code-quality, junit, msvs, or config-ignore-yaml (an ignore_only block that silences the current findings).",
      valueName: "format"))
  var errorFormat: LintFormat = .text

  @Option(
    name: .customLong("image"),
    help: ArgumentHelp(
      "Lint a compiled image instead of compiling the workspace (.binpb/.bin/.pb/.json, e.g. from `sebuf build -o` or `buf build -o`).",
      valueName: "file"),
    completion: .file(extensions: ["binpb", "bin", "pb", "json"]))
  var image: String?

  @Option(
    name: .customLong("use"),
    help: ArgumentHelp(
      "Rules or categories to run instead of the configured `lint.use` (repeatable), e.g. `--use STANDARD --use HTTP`.",
      valueName: "id"),
    completion: CompletionWords.lintIDs)
  var use: [String] = []

  @Flag(
    name: .customLong("show-rule-ids"),
    help: "Append the rule id to each text finding: `… (FIELD_LOWER_SNAKE_CASE)`.")
  var showRuleIDs = false

  @Flag(
    name: .customLong("list-rules"),
    help: "List the rules the configuration enables (id, categories, purpose) and exit; json with --error-format json.")
  var listRules = false

  @Flag(
    name: .customLong("all"), help: "With --list-rules: every rule, including those not enabled and deprecated ones.")
  var all = false

  enum LintFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
    case githubActions = "github-actions"
    case gitlabCodeQuality = "gitlab-code-quality"
    case junit, msvs
    case configIgnoreYAML = "config-ignore-yaml"

    var diagnosticFormat: DiagnosticFormat {
      switch self {
      case .text, .configIgnoreYAML: .text
      case .json: .json
      case .githubActions: .githubActions
      case .gitlabCodeQuality: .gitlabCodeQuality
      case .junit: .junit
      case .msvs: .msvs
      }
    }

    static var allValueDescriptions: [String: String] {
      [
        "text": "path:line:col:message, like buf",
        "json": "one JSON object per line (buf's shape)",
        "github-actions": "::error workflow commands that annotate pull requests",
        "gitlab-code-quality": "a GitLab Code Quality JSON report (artifacts: reports: codequality)",
        "junit": "a JUnit XML report",
        "msvs": "Visual Studio's path(line,col) : error RULE : message",
        "config-ignore-yaml": "a lint.ignore_only block for the current findings",
      ]
    }
  }

  func validate() throws {
    if all && !listRules { throw ValidationError("--all only goes with --list-rules") }
  }

  func run() async throws {
    signal(SIGPIPE, SIG_IGN)
    var output = OutputOptions()
    output.errorFormat = ErrorFormat(rawValue: errorFormat.diagnosticFormat.rawValue) ?? .text
    let format = errorFormat.diagnosticFormat
    var progress = runtime.start("lint")

    if listRules && all {
      OutputStream.standardOutput.write(
        LintReports.ruleList(LintCatalog.catalog.rules.map(\.id), json: errorFormat == .json))
      return
    }
    progress.stage("load workspace")
    let ws = try workspace.load(output, excluding: exclude.paths)
    progress.note(ws.debugSummary)
    var topConfig = ws.lint
    if !use.isEmpty { topConfig.use = use }
    let (settings, topErrors) = Self.settings(topConfig)
    // A module with its own lint block (buf.yaml, several modules) is linted with it alone;
    // --use replaces every block's rules for the run.
    var perModule: [(path: String, settings: LintSettings)] = []
    var configErrors = topErrors
    for m in ws.modules where ws.moduleLint[m.path] != nil && use.isEmpty {
      let (s, errors) = Self.settings(ws.lintConfig(forModule: m.path))
      perModule.append((m.path, s))
      configErrors += errors
    }
    progress.note("rules: \(settings.rules.joined(separator: ", "))")
    if !configErrors.isEmpty {
      progress.end()
      printDiagnostics(configErrors, format: format, to: .standardError)
      throw ExitStatus.error
    }
    if listRules {
      progress.end()
      OutputStream.standardOutput.write(LintReports.ruleList(settings.rules, json: errorFormat == .json))
      return
    }

    let input: Image
    if let path = image {
      progress.stage("read image \(path)")
      do {
        input = Linter.restrict(
          try ImageFileReader.read(path, flag: "--image"),
          to: try workspace.workspacePaths(in: ws, output, requireFiles: false))
      } catch let e as ExitCode {
        throw e
      } catch {
        printDiagnostics([.error("\(error)", rule: "CONFIG")], format: format, to: .standardError)
        throw ExitStatus.error
      }
    } else {
      let paths = try workspace.workspacePaths(in: ws, output)
      progress.stage("compiling")
      let (compiled, diagnostics) = compileQuietly(ws.sourceSet(paths: paths))
      guard let compiled, !diagnostics.hasErrors else {
        progress.end()
        printDiagnostics(diagnostics, format: format, to: .standardError, shownUnder: ws.shownBase)
        throw ExitStatus.error
      }
      input = compiled
    }

    let targets = input.files.filter { !$0.isImport }.count
    progress.stage("linting \(targets) file\(targets == 1 ? "" : "s")")
    var findings: [Diagnostic]
    if perModule.isEmpty {
      findings = Linter.lint(input, settings: settings)
    } else {
      let own = Set(perModule.map(\.path))
      let rest = ws.modules.map(\.path).filter { !own.contains($0) }
      findings = rest.isEmpty ? [] : Linter.lint(Linter.restrict(input, to: rest), settings: settings)
      for (path, s) in perModule { findings += Linter.lint(Linter.restrict(input, to: [path]), settings: s) }
      findings = findings.normalized()
    }
    progress.end()
    if errorFormat == .configIgnoreYAML {
      OutputStream.standardOutput.write(LintReports.configIgnoreYAML(findings))
    } else {
      printDiagnostics(findings, format: format, showRule: showRuleIDs, shownUnder: ws.shownBase)
    }
    throw ExitStatus.of(errors: [], violations: findings)
  }

  /// The workspace's `lint:` block resolved against the catalog; unknown ids are errors
  /// at their place in sebuf.yaml, with a suggestion.
  static func settings(_ c: LintConfig) -> (LintSettings, [Diagnostic]) {
    var options = LintOptions()
    options.enumZeroValueSuffix = c.enumZeroValueSuffix
    options.serviceSuffix = c.serviceSuffix
    options.rpcAllowSameRequestResponse = c.rpcAllowSameRequestResponse
    options.rpcAllowGoogleProtobufEmptyRequests = c.rpcAllowGoogleProtobufEmptyRequests
    options.rpcAllowGoogleProtobufEmptyResponses = c.rpcAllowGoogleProtobufEmptyResponses
    return LintSettings.resolve(
      use: c.use, except: c.except, ignore: c.ignore, ignoreOnly: c.ignoreOnly, warn: c.warn,
      allowCommentIgnores: c.allowCommentIgnores, options: options, spans: c.idSpans)
  }
}
