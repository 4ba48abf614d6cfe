import Diagnostics

/// A config's `ignore` and `ignore_only` resolved against a catalog: which paths are
/// skipped by every rule and which only by some.
public struct IgnoreRules: Sendable {
  public let all: PathFilter
  public let byRule: [String: PathFilter]

  /// Resolves `ignore_only` keys (rule or category ids, any spelling) to rule ids.
  /// Unknown keys are reported at their spans.
  public init(
    ignore: [String], ignoreOnly: [String: [String]], catalog: RuleCatalog, kind: String,
    spans: [String: Span] = [:], diagnostics: inout [Diagnostic]
  ) {
    all = PathFilter(ignore)
    var map: [String: [String]] = [:]
    for key in ignoreOnly.keys.sorted() {
      let ids = catalog.expand(key)
      if ids.isEmpty {
        diagnostics.append(.error(catalog.unknownIDMessage(key, kind: kind), rule: "CONFIG", at: spans[key]))
      }
      for id in ids { map[id, default: []].append(contentsOf: ignoreOnly[key] ?? []) }
    }
    byRule = map.mapValues(PathFilter.init)
  }

  public init() {
    all = PathFilter([])
    byRule = [:]
  }

  /// Whether findings of `rule` in `path` (workspace-relative) are ignored by config.
  public func isIgnored(rule: String, path: String) -> Bool {
    if all.matches(path) { return true }
    if let f = byRule[rule], f.matches(path) { return true }
    return false
  }
}
