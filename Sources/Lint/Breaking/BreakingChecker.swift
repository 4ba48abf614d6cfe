// Runs the selected breaking rules over two Images and turns findings into Diagnostics,
// after the config's ignores, unstable-package skipping and `sebuf:breaking:ignore` comments.
import Diagnostics
import Proto

/// The `breaking:` settings the checker needs (the CLI maps sebuf.yaml's BreakingConfig here).
public struct BreakingSettings: Sendable {
  /// Rule and category ids to run.
  public var use: [String] = ["FILE"]
  public var except: [String] = []
  /// Paths (relative to the workspace, globs allowed) skipped by every rule.
  public var ignore: [String] = []
  /// Rule or category id → paths skipped for it.
  public var ignoreOnly: [String: [String]] = [:]
  /// Skip files whose package is alpha, beta or test (`v1beta1`, `v1alpha`, `v1test`).
  public var ignoreUnstablePackages = false
  /// Honour `// sebuf:breaking:ignore RULE_ID` comments in the current version.
  public var allowCommentIgnores = true
  /// Skip findings in imported (non-target) files.
  public var excludeImports = false
  /// Where ids were written, for positioned errors about unknown ids.
  public var idSpans: [String: Span] = [:]
  public init() {}
}

/// The result of a comparison: violations, and errors that stopped it (unknown ids).
public struct BreakingResult: Sendable {
  public var violations: [Diagnostic]
  public var errors: [Diagnostic]
}

/// Compares two Images with buf's breaking rules and sebuf's HTTP rules.
public enum BreakingChecker {
  /// The rule ids selected by `use` minus `except`, or errors for unknown ids (in
  /// `use`, `except` and `ignore_only`): the catalog's one selection procedure.
  public static func selectRules(_ settings: BreakingSettings) -> (ids: [String], errors: [Diagnostic]) {
    let (ids, errors, _) = resolve(settings)
    return (ids, errors)
  }

  /// Selection and ignores, resolved once.
  static func resolve(_ settings: BreakingSettings) -> (ids: [String], errors: [Diagnostic], ignores: IgnoreRules) {
    let catalog = BreakingCatalog.catalog
    var (ids, errors) = catalog.resolve(use: settings.use, except: settings.except, spans: settings.idSpans)
    let ignores = IgnoreRules(
      ignore: settings.ignore, ignoreOnly: settings.ignoreOnly, ignoreUnstablePackages: settings.ignoreUnstablePackages,
      catalog: catalog, spans: settings.idSpans, diagnostics: &errors)
    return (ids, errors, ignores)
  }

  /// Runs the comparison. `current` is the new version, `previous` the `--against` one.
  public static func check(current: Image, previous: Image, settings: BreakingSettings) -> BreakingResult {
    check(current: SchemaIndex(current), previous: SchemaIndex(previous), settings: settings)
  }

  /// Runs the comparison on already indexed Images.
  public static func check(current: SchemaIndex, previous: SchemaIndex, settings: BreakingSettings) -> BreakingResult {
    let (ids, errors, ignores) = resolve(settings)
    if !errors.isEmpty { return BreakingResult(violations: [], errors: errors) }
    let pair = SchemaPair(current: current, previous: previous)
    let filter = IgnoreFilter(
      ignores: ignores, allowCommentIgnores: settings.allowCommentIgnores, excludeImports: settings.excludeImports)
    var diagnostics: [Diagnostic] = []
    for id in ids {
      guard let rule = BreakingCatalog.byID[id] else { continue }
      var out = BreakingFindings(rule: id)
      rule.init().check(pair, &out)
      for finding in out.items where !filter.ignores(finding) {
        diagnostics.append(.error(finding.message, rule: id, at: span(of: finding)))
      }
    }
    return BreakingResult(violations: diagnostics.normalized(), errors: [])
  }

  /// buf's placement: the location's span, else the file at 1:1, else `<input>` at 1:1.
  static func span(of f: BreakingFinding) -> Span {
    let one = SourcePosition(line: 1, column: 1)
    if let loc = f.location, let span = loc.file.span(loc.path) { return span }
    if let file = f.location?.file ?? f.file { return Span(file: file.displayPath, start: one, end: one) }
    return .input
  }
}
