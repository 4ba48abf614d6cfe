// Which findings the configuration accepts: ignored paths (everywhere or per rule),
// unstable packages, and `// sebuf:breaking:ignore RULE_ID` comments in the new version.

/// Decides whether a finding is suppressed. Path matching and comment directives are the
/// shared ones lint uses (Core's PathFilter and CommentIgnores.breaking).
struct IgnoreFilter {
  let ignore: PathFilter
  /// Rule id → paths.
  let ignoreOnly: [String: PathFilter]
  let ignoreUnstablePackages: Bool
  let allowCommentIgnores: Bool
  let excludeImports: Bool

  init(_ s: BreakingSettings) {
    ignore = PathFilter(s.ignore)
    var only: [String: [String]] = [:]
    for (id, paths) in s.ignoreOnly {
      for rule in BreakingCatalog.expand(id) ?? [] { only[rule, default: []] += paths }
    }
    ignoreOnly = only.mapValues(PathFilter.init)
    ignoreUnstablePackages = s.ignoreUnstablePackages
    allowCommentIgnores = s.allowCommentIgnores
    excludeImports = s.excludeImports
  }

  func ignores(_ f: BreakingFinding) -> Bool {
    if let file = f.location?.file ?? f.file, ignores(file, rule: f.rule) { return true }
    if let file = f.againstLocation?.file ?? f.againstFile, ignores(file, rule: f.rule) { return true }
    if allowCommentIgnores, let loc = f.location, hasIgnoreComment(loc, rule: f.rule) { return true }
    return false
  }

  private func ignores(_ file: FileNode, rule: String) -> Bool {
    if excludeImports && file.isImport { return true }
    if ignore.matches(file.displayPath) { return true }
    if let only = ignoreOnly[rule], only.matches(file.displayPath) { return true }
    if ignoreUnstablePackages && PackageStability.isUnstable(file.package) { return true }
    return false
  }

  /// A leading-comment line `sebuf:breaking:ignore RULE_ID` (or buf's spelling) on the
  /// changed element in the new version, or on a declaration enclosing it.
  private func hasIgnoreComment(_ loc: Location, rule: String) -> Bool {
    for path in CommentIgnores.declarationPaths(loc.path) {
      guard let comment = loc.file.sourceLocation(path)?.leadingComments, !comment.isEmpty else { continue }
      if CommentIgnores.breaking.commentIgnores(comment, rule: rule) { return true }
    }
    return false
  }
}

/// buf's package stability: `v1alpha1`, `v1beta`, `v1test…` (and `v1p1alpha1`) are unstable.
enum PackageStability {
  static func isUnstable(_ package: String) -> Bool {
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
