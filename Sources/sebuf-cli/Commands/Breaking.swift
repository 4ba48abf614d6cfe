import ArgumentParser
import Basics
import Config
import Diagnostics
import Foundation
import Inputs
import Lint
import Proto

/// `sebuf breaking`: buf's breaking-change rules plus sebuf's HTTP rules, comparing the
/// workspace with a git ref, a directory or an image.
struct BreakingCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "breaking",
    abstract: "Find changes that break clients, against a git ref, a directory or an image.",
    discussion: """
      Compares the input (default: the workspace in the current directory) with --against and \
      prints every break as path:line:col:message, like buf. Exits 0 when nothing breaks, 100 \
      when something does, 1 on errors. Rules come from the `breaking:` block of sebuf.yaml \
      (default FILE plus sebuf's HTTP route and JSON rules; a buf.yaml defaults to FILE). Accept one intentional \
      break with a `// sebuf:breaking:ignore RULE_ID` line in the leading comment of the \
      changed element. Examples: `sebuf breaking --against '.git#branch=main'`, \
      `sebuf breaking --against '.git#ref=HEAD~1,subdir=api'`, `sebuf breaking --against old.binpb`.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var exclude: ExcludePathOptions
  @OptionGroup var runtime: RunOptions

  @Option(
    name: .customLong("against"),
    help: ArgumentHelp(
      "What to compare with: `.git#branch=NAME`, `.git#tag=NAME`, `.git#ref=REV` (e.g. HEAD~1), with `,subdir=DIR`; a directory; or an image file.",
      discussion:
        "Defaults to `breaking.against` in sebuf.yaml. The input may also be an image file instead of a directory.",
      valueName: "input"),
    completion: CompletionWords.against)
  var against: String?

  @OptionGroup var output: OutputOptions

  @Flag(name: .customLong("show-rule-ids"), help: "Append the rule id to each text finding: `… (FIELD_NO_DELETE)`.")
  var showRuleIDs = false

  @Flag(name: .customLong("exclude-imports"), help: "Do not report breaks in imported files.")
  var excludeImports = false

  @Option(
    name: .customLong("against-config"),
    help: ArgumentHelp(
      "Read the --against side with this workspace file (its modules and includes) instead of the input's.",
      discussion:
        "As buf's --against-config: for an against version whose layout differs, e.g. `--against-config old/buf.yaml`. Its paths are checked against the input's workspace directory.",
      valueName: "file"),
    completion: .file(extensions: ["yaml", "yml"]))
  var againstConfig: String?

  @Flag(
    name: .customLong("limit-to-input-files"),
    help: ArgumentHelp(
      "Compare only the files the input has: the against side is limited to them (deleted files are not reported).",
      discussion: "As buf's flag of that name; with --path, the input's selected files."))
  var limitToInputFiles = false

  @Option(
    name: .customLong("use"),
    help: ArgumentHelp(
      "Rules or categories to run instead of the configured ones (repeatable), e.g. `--use FILE --use HTTP`.",
      valueName: "id"),
    completion: CompletionWords.breakingIDs)
  var use: [String] = []

  @Flag(name: .customLong("list-rules"), help: "List every breaking rule (id, categories, purpose) and exit.")
  var listRules = false

  func run() async throws {
    signal(SIGPIPE, SIG_IGN)
    var progress = runtime.start("breaking")
    if listRules {
      print(ruleList(), terminator: "")
      return
    }
    // The current side: an image file, or the workspace compiled.
    let inputIsImage = BreakingInputs.imageFormat(workspace.directory) != nil
    let ws: Workspace
    if inputIsImage {
      ws =
        (try? Workspace.load(directory: ".", configFile: workspace.config))
        ?? Workspace(root: FilePath.absolute("."), modules: [Module(path: ".")])
    } else {
      progress.stage("load workspace")
      ws = try workspace.load(output, excluding: exclude.paths)
      progress.note(ws.debugSummary)
    }
    let paths = inputIsImage ? [] : try workspace.workspacePaths(in: ws, output)
    var settings = BreakingSettings(ws.breaking)
    settings.excludeImports = excludeImports
    if !use.isEmpty { settings.use = use }
    guard let againstValue = against ?? ws.breaking.against else {
      fail([
        .error(
          "Give --against (for example `--against '.git#branch=main'`), or set `breaking.against` in sebuf.yaml.",
          rule: "AGAINST")
      ])
    }
    progress.note("against \(againstValue); rules: \(settings.use.joined(separator: ", "))")
    let current: Image
    let previous: Image
    do {
      progress.stage("compiling \(inputIsImage ? workspace.directory : "the workspace")")
      current = try BreakingInputs.current(directory: workspace.directory, workspace: ws, paths: paths)
      progress.stage("compiling --against \(againstValue)")
      var againstWorkspace = ws
      if let againstConfig {
        againstWorkspace = try Workspace.load(directory: ws.root, configFile: againstConfig)
        progress.note(
          "against config \(againstConfig): modules \(againstWorkspace.modules.map(\.path).joined(separator: ", "))")
      }
      var against = try BreakingInputs.against(againstValue, workspace: againstWorkspace, paths: paths)
      if limitToInputFiles { against = against.limited(toTargetsOf: current) }
      previous = against
    } catch let e as AgainstError {
      progress.end()
      fail([e.diagnostic])
    } catch let e as DiagnosticError {
      progress.end()
      fail(e.diagnostics)
    }
    let targets = current.files.filter { !$0.isImport }.count
    progress.stage("checking \(targets) file\(targets == 1 ? "" : "s")")
    var result = BreakingChecker.check(current: current, previous: previous, settings: groupSettings(settings, ws))
    // A module with its own breaking block (buf.yaml, several modules) is checked with it alone:
    // each block's run ignores the other blocks' modules.
    for m in ws.modules where use.isEmpty {
      guard let own = ws.moduleBreaking[m.path] else { continue }
      var s = BreakingSettings(own)
      s.excludeImports = excludeImports
      s.ignore += ws.modules.map(\.path).filter { $0 != m.path }
      let more = BreakingChecker.check(current: current, previous: previous, settings: s)
      result.errors += more.errors
      let seen = Set(result.violations.map { "\($0)" })
      result.violations += more.violations.filter { !seen.contains("\($0)") }
    }
    progress.end()
    if !result.errors.isEmpty { fail(result.errors) }
    let grouped = use.isEmpty && !ws.moduleBreaking.isEmpty
    printDiagnostics(
      grouped ? result.violations.normalized() : result.violations, format: output.errorFormat.diagnosticFormat,
      showRule: showRuleIDs, shownUnder: ws.shownBase)
    if !result.violations.isEmpty { throw ExitStatus.violations }
  }

  /// The top-level settings, ignoring the modules that have their own breaking block (unless
  /// `--use` replaces every block for this run).
  private func groupSettings(_ settings: BreakingSettings, _ ws: Workspace) -> BreakingSettings {
    guard use.isEmpty else { return settings }
    var s = settings
    s.ignore += ws.modules.map(\.path).filter { ws.moduleBreaking[$0] != nil }
    return s
  }

  /// Prints diagnostics to stderr and exits 1.
  private func fail(_ diagnostics: [Diagnostic]) -> Never {
    printDiagnostics(diagnostics, format: output.errorFormat.diagnosticFormat, to: .standardError)
    Foundation.exit(1)
  }

  private func ruleList() -> String {
    var out = ""
    let catalog = BreakingCatalog.catalog
    for r in catalog.rules.sorted(by: { $0.id < $1.id }) {
      let categories = catalog.categories(of: r.id)
      if output.errorFormat == .json {
        out +=
          "{\"id\":\(JSONString.quote(r.id)),\"categories\":[\(categories.map(JSONString.quote).joined(separator: ","))],\"purpose\":\(JSONString.quote(r.purpose))}\n"
      } else {
        let id = r.id.padding(toLength: 48, withPad: " ", startingAt: 0)
        let cats = categories.joined(separator: ", ").padding(toLength: 36, withPad: " ", startingAt: 0)
        out += "\(id) \(cats) \(r.purpose)\n"
      }
    }
    return out
  }
}

extension Image {
  /// `--limit-to-input-files`: this (against) image without the target files `input` does
  /// not have, so only files present on both sides are compared.
  func limited(toTargetsOf input: Image) -> Image {
    let names = Set(input.files.filter { !$0.isImport }.map(\.name))
    return Image(files: files.filter { $0.isImport || names.contains($0.name) })
  }
}

extension BreakingSettings {
  /// The `breaking:` block of sebuf.yaml.
  init(_ c: BreakingConfig) {
    self.init()
    use = c.use
    except = c.except
    ignore = c.ignore
    ignoreOnly = c.ignoreOnly
    ignoreUnstablePackages = c.ignoreUnstablePackages
    allowCommentIgnores = c.allowCommentIgnores
    idSpans = c.idSpans
  }
}
