import Diagnostics

/// A config's `ignore`, `ignore_only` and `ignore_unstable_packages` resolved against a
/// catalog: which files are skipped by every rule and which only by some. Lint and
/// breaking share it.
public struct IgnoreRules: Sendable {
  public let all: PathFilter
  public let byRule: [String: PathFilter]
  /// Skip files whose package is alpha, beta or test (`v1beta1`, `v1alpha`, `v1test`).
  public let unstablePackages: Bool

  /// Resolves `ignore_only` keys (rule or category ids, any spelling) to rule ids.
  /// Unknown keys are reported at their spans.
  public init(
    ignore: [String], ignoreOnly: [String: [String]], ignoreUnstablePackages: Bool = false, catalog: RuleCatalog,
    spans: [String: Span] = [:], diagnostics: inout [Diagnostic]
  ) {
    all = PathFilter(ignore)
    var map: [String: [String]] = [:]
    for key in ignoreOnly.keys.sorted() {
      let ids = catalog.expand(key)
      if ids.isEmpty {
        diagnostics.append(.error(catalog.unknownIDMessage(key), rule: "CONFIG", at: spans[key]))
      }
      for id in ids { map[id, default: []].append(contentsOf: ignoreOnly[key] ?? []) }
    }
    byRule = map.mapValues(PathFilter.init)
    unstablePackages = ignoreUnstablePackages
  }

  public init() {
    all = PathFilter([])
    byRule = [:]
    unstablePackages = false
  }

  /// Whether findings of `rule` in `path` (workspace-relative) are ignored by config.
  public func isIgnored(rule: String, path: String) -> Bool {
    if all.matches(path) { return true }
    if let f = byRule[rule], f.matches(path) { return true }
    return false
  }

  /// Whether findings of `rule` in a file of `package` at `path` are ignored by config.
  public func isIgnored(rule: String, path: String, package: String) -> Bool {
    if isIgnored(rule: rule, path: path) { return true }
    return unstablePackages && PackageStability.isUnstable(package)
  }
}

/// buf's package stability: `v1alpha1`, `v1beta`, `v1test…` (and `v1p1alpha1`) are unstable.
public enum PackageStability {
  public static func isUnstable(_ package: String) -> Bool {
    guard let last = package.split(separator: ".").last, last.hasPrefix("v") else { return false }
    var rest = Substring(last.dropFirst())
    let major = rest.prefix { $0.isNumber }
    guard !major.isEmpty else { return false }
    rest = rest.dropFirst(major.count)
    if rest.isEmpty { return false }
    if rest.hasPrefix("test") { return true }
    if rest.hasPrefix("p") {
      let afterP = rest.dropFirst()
      let minor = afterP.prefix { $0.isNumber }
      guard !minor.isEmpty else { return false }
      rest = afterP.dropFirst(minor.count)
    }
    for word in ["alpha", "beta"] where rest.hasPrefix(word) {
      return rest.dropFirst(word.count).allSatisfy(\.isNumber)
    }
    return false
  }
}
