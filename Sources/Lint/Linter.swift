import Diagnostics
import Proto

/// A `lint:` config resolved against the catalog: the rules to run and how to filter
/// and grade their findings.
public struct LintSettings: Sendable {
  public var rules: [String]
  /// Rules whose findings are warnings (printed, but the run still passes).
  public var warn: Set<String>
  public var ignores: IgnoreRules
  public var allowCommentIgnores: Bool
  public var options: LintOptions

  public init(
    rules: [String] = LintCatalog.catalog.resolve(use: [], except: []).rules,
    warn: Set<String> = [], ignores: IgnoreRules = IgnoreRules(), allowCommentIgnores: Bool = true,
    options: LintOptions = LintOptions()
  ) {
    self.rules = rules
    self.warn = warn
    self.ignores = ignores
    self.allowCommentIgnores = allowCommentIgnores
    self.options = options
  }

  /// Resolves raw config values; unknown ids become errors (with "did you mean") at the
  /// spans the config recorded for them.
  public static func resolve(
    use: [String], except: [String], ignore: [String], ignoreOnly: [String: [String]], warn: [String],
    allowCommentIgnores: Bool, options: LintOptions, spans: [String: Span] = [:]
  ) -> (LintSettings, [Diagnostic]) {
    let catalog = LintCatalog.catalog
    var (rules, diagnostics) = catalog.resolve(use: use, except: except, spans: spans)
    let ignores = IgnoreRules(
      ignore: ignore, ignoreOnly: ignoreOnly, catalog: catalog, spans: spans, diagnostics: &diagnostics)
    var warnSet = Set<String>()
    for id in warn {
      let ids = catalog.expand(id)
      if ids.isEmpty {
        diagnostics.append(.error(catalog.unknownIDMessage(id), rule: "CONFIG", at: spans[id]))
      }
      warnSet.formUnion(ids)
    }
    return (
      LintSettings(
        rules: rules, warn: warnSet, ignores: ignores, allowCommentIgnores: allowCommentIgnores, options: options),
      diagnostics
    )
  }
}

/// Runs lint rules over an Image.
public enum Linter {
  /// Lints the image's target files. Findings come back sorted, with spans in display
  /// paths, config and comment ignores applied, `warn` rules as warnings.
  public static func lint(_ image: Image, settings: LintSettings = LintSettings()) -> [Diagnostic] {
    let wanted = Set(settings.rules)
    let needsHTTP = LintCatalog.catalog.expand("HTTP").contains(where: wanted.contains)
    let context = LintContext(image: image, options: settings.options, decodeHTTP: needsHTTP)
    var sink = FindingSink()
    for type in LintCatalog.ruleTypes where wanted.contains(type.info.id) {
      sink.rule = type.info.id
      type.init().check(context, &sink)
    }
    var out: [Diagnostic] = []
    out.reserveCapacity(sink.findings.count)
    for f in sink.findings {
      let file = context.files[f.file]
      if settings.ignores.isIgnored(rule: f.rule, path: file.image.displayPath)
        || (file.image.displayPath != file.name && settings.ignores.isIgnored(rule: f.rule, path: file.name))
      {
        continue
      }
      if settings.allowCommentIgnores, let path = f.path,
        CommentIgnores.lint.isIgnored(rule: f.rule, path: path, in: file.locations)
      {
        continue
      }
      let span =
        f.path.flatMap { file.locations.span($0) }
        ?? Span(
          file: file.image.displayPath, start: SourcePosition(line: 1, column: 1),
          end: SourcePosition(line: 1, column: 1))
      let severity: Severity = settings.warn.contains(f.rule) ? .warning : .error
      out.append(Diagnostic(severity, f.message, rule: f.rule, span: span))
    }
    return out.normalized()
  }
}
