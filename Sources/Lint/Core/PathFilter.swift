/// Matches workspace-relative file paths against `ignore` / `ignore_only` entries.
///
/// An entry without glob characters matches the path itself and everything under it
/// (buf's semantics; `.` matches everything). An entry with `*`, `**` or `?` is a glob
/// (sebuf's opt-in extension): `*` and `?` stay inside one path segment, `**` spans any
/// number of segments.
public struct PathFilter: Sendable {
  public let patterns: [String]

  public init(_ patterns: [String]) {
    self.patterns = patterns.map(PathFilter.clean)
  }

  public var isEmpty: Bool { patterns.isEmpty }

  /// Whether any pattern matches `path`.
  public func matches(_ path: String) -> Bool {
    let p = PathFilter.clean(path)
    for pattern in patterns where PathFilter.match(pattern, p) { return true }
    return false
  }

  /// Whether `pattern` matches `path` (both cleaned).
  public static func match(_ pattern: String, _ path: String) -> Bool {
    if pattern == "." || pattern.isEmpty { return true }
    if !isGlob(pattern) {
      return path == pattern || path.hasPrefix(pattern + "/")
    }
    let pat = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    let segs = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    // A glob also matches everything under a directory it matches.
    return globSegments(pat[...], segs[...], prefixOK: true)
  }

  public static func isGlob(_ s: String) -> Bool {
    s.contains("*") || s.contains("?") || s.contains("[")
  }

  static func clean(_ s: String) -> String {
    var s = s
    while s.hasPrefix("./") { s.removeFirst(2) }
    while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
    return s
  }

  private static func globSegments(_ pat: ArraySlice<String>, _ segs: ArraySlice<String>, prefixOK: Bool) -> Bool {
    guard let first = pat.first else { return segs.isEmpty || prefixOK }
    if first == "**" {
      let rest = pat.dropFirst()
      var s = segs
      while true {
        if globSegments(rest, s, prefixOK: prefixOK) { return true }
        if s.isEmpty { return false }
        s = s.dropFirst()
      }
    }
    guard let seg = segs.first, matchSegment(Array(first.utf8)[...], Array(seg.utf8)[...]) else { return false }
    return globSegments(pat.dropFirst(), segs.dropFirst(), prefixOK: prefixOK)
  }

  private static func matchSegment(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
    guard let c = p.first else { return s.isEmpty }
    switch c {
    case UInt8(ascii: "*"):
      var rest = s
      while true {
        if matchSegment(p.dropFirst(), rest) { return true }
        if rest.isEmpty { return false }
        rest = rest.dropFirst()
      }
    case UInt8(ascii: "?"):
      return !s.isEmpty && matchSegment(p.dropFirst(), s.dropFirst())
    case UInt8(ascii: "["):
      guard let close = p.firstIndex(of: UInt8(ascii: "]")), let sc = s.first else { return false }
      let set = p[(p.startIndex + 1)..<close]
      var ok = false
      var i = set.startIndex
      while i < set.endIndex {
        if i + 2 < set.endIndex, set[i + 1] == UInt8(ascii: "-") {
          if set[i] <= sc && sc <= set[i + 2] { ok = true }
          i += 3
        } else {
          if set[i] == sc { ok = true }
          i += 1
        }
      }
      return ok && matchSegment(p[(close + 1)...], s.dropFirst())
    default:
      return s.first == c && matchSegment(p.dropFirst(), s.dropFirst())
    }
  }
}
