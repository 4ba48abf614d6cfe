// Which findings the configuration accepts: ignored paths (everywhere or per rule),
// unstable packages, and `// sebuf:breaking:ignore RULE_ID` comments in the new version.

/// Decides whether a finding is suppressed.
struct IgnoreFilter {
  let ignore: [String]
  /// Rule id → paths.
  let ignoreOnly: [String: [String]]
  let ignoreUnstablePackages: Bool
  let allowCommentIgnores: Bool
  let excludeImports: Bool

  init(_ s: BreakingSettings) {
    ignore = s.ignore.map(PathMatcher.clean)
    var only: [String: [String]] = [:]
    for (id, paths) in s.ignoreOnly {
      for rule in BreakingCatalog.expand(id) ?? [] { only[rule, default: []] += paths.map(PathMatcher.clean) }
    }
    ignoreOnly = only
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
    let paths = [file.displayPath, file.name]
    if ignore.contains(where: { p in paths.contains { PathMatcher.matches($0, p) } }) { return true }
    if let only = ignoreOnly[rule], only.contains(where: { p in paths.contains { PathMatcher.matches($0, p) } }) {
      return true
    }
    if ignoreUnstablePackages && PackageStability.isUnstable(file.package) { return true }
    return false
  }

  /// A leading-comment line of the element (or the option/name inside it) that reads
  /// `sebuf:breaking:ignore RULE_ID` (text after the id is allowed).
  private func hasIgnoreComment(_ loc: Location, rule: String) -> Bool {
    let want = BreakingChecker.commentIgnorePrefix + " " + rule
    for path in ElementPath.candidates(loc.path) {
      guard let comments = loc.file.sourceLocation(path)?.leadingComments, !comments.isEmpty else { continue }
      for line in comments.split(separator: "\n") {
        let trimmed = String(line.drop { " \t\r*/".contains($0) })
        if trimmed.hasPrefix(want) { return true }
      }
    }
    return false
  }
}

/// Source paths whose comments count for a location: the path itself and the innermost
/// declaration (message, field, enum, value, service, method, oneof, extension) containing it.
enum ElementPath {
  static func candidates(_ path: [Int32]) -> [[Int32]] {
    var out = [path]
    var last: [Int32]?
    var i = 0
    // File level: 4 message, 5 enum, 6 service, 7 extension; each followed by an index.
    var scope = "file"
    while i + 1 < path.count {
      let tag = path[i]
      let next: String?
      switch (scope, tag) {
      case ("file", 4), ("message", 3): next = "message"
      case ("file", 5), ("message", 4): next = "enum"
      case ("file", 6): next = "service"
      case ("file", 7), ("message", 6), ("message", 2), ("message", 8), ("enum", 2), ("service", 2): next = "leaf"
      default: next = nil
      }
      guard let n = next else { break }
      last = Array(path[0...(i + 1)])
      scope = n
      i += 2
    }
    if let l = last, l != path { out.append(l) }
    return out
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

/// Workspace-relative path matching: equal, inside a directory, or a glob (`*`, `**`, `?`).
enum PathMatcher {
  static func clean(_ p: String) -> String {
    var s = p
    while s.hasPrefix("./") { s.removeFirst(2) }
    while s.hasSuffix("/") { s.removeLast() }
    return s
  }

  static func matches(_ path: String, _ pattern: String) -> Bool {
    if pattern.isEmpty || pattern == "." { return true }
    if pattern.contains("*") || pattern.contains("?") {
      return glob(Array(path.utf8), 0, Array(pattern.utf8), 0) || glob(Array(path.utf8), 0, Array((pattern + "/**").utf8), 0)
    }
    return path == pattern || path.hasPrefix(pattern + "/")
  }

  private static func glob(_ s: [UInt8], _ si: Int, _ p: [UInt8], _ pi: Int) -> Bool {
    if pi == p.count { return si == s.count }
    let star = UInt8(ascii: "*")
    if p[pi] == star {
      if pi + 1 < p.count && p[pi + 1] == star {
        var next = pi + 2
        if next < p.count && p[next] == UInt8(ascii: "/") { next += 1 }
        var k = si
        while k <= s.count {
          if glob(s, k, p, next) { return true }
          k += 1
        }
        return false
      }
      var k = si
      while k <= s.count {
        if glob(s, k, p, pi + 1) { return true }
        if k < s.count && s[k] == UInt8(ascii: "/") { break }
        k += 1
      }
      return false
    }
    guard si < s.count else { return false }
    if p[pi] == UInt8(ascii: "?") ? s[si] != UInt8(ascii: "/") : p[pi] == s[si] {
      return glob(s, si + 1, p, pi + 1)
    }
    return false
  }
}
