/// Path helpers for the planner: normalisation, containment and the globs of a
/// generate entry's `include:`/`exclude:`. Pure string functions (no disk access).
public enum PathRules {
  /// `a/./b//c/` → `a/b/c`; `.` and `` → `.`. Returns nil for a path that climbs out
  /// (`..` past its start). Leading `/` is kept.
  public static func normalize(_ path: String) -> String? {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        if parts.isEmpty { return nil }
        parts.removeLast()
        continue
      }
      parts.append(part)
    }
    let joined = parts.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }

  /// Whether `path` is `dir` or inside it (both normalised, relative; `.` contains all).
  public static func contains(_ dir: String, _ path: String) -> Bool {
    if dir == "." { return true }
    return path == dir || path.hasPrefix(dir + "/")
  }

  /// The directory part of an import path (`a/b/c.proto` → `a/b`, `c.proto` → `.`).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }

  /// Whether a file name from a backend or plugin is safe to join under `out`:
  /// relative, non-empty, no `..`, `.` or empty components, no NUL.
  public static func isSafeOutputName(_ name: String) -> Bool {
    if name.isEmpty || name.hasPrefix("/") || name.utf8.contains(0) { return false }
    for part in name.split(separator: "/", omittingEmptySubsequences: false) {
      if part.isEmpty || part == "." || part == ".." { return false }
    }
    return true
  }

  /// Matches a workspace-relative path against an include/exclude pattern.
  ///
  /// A pattern without `*`, `?` or `[` is a path prefix: the file itself or a directory
  /// containing it (buf's `paths`). Otherwise it is a glob where `*` and `?` stay within
  /// one path segment and `**` spans any number of segments (`proto/**` matches all below).
  public static func matches(_ pattern: String, _ path: String) -> Bool {
    let isGlob = pattern.contains("*") || pattern.contains("?") || pattern.contains("[")
    if !isGlob {
      guard let p = normalize(pattern) else { return false }
      return contains(p, path)
    }
    let pSegs = pattern.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
    let sSegs = path.split(separator: "/", omittingEmptySubsequences: true)
    return match(pSegs[...], sSegs[...])
  }

  private static func match(_ p: ArraySlice<Substring>, _ s: ArraySlice<Substring>) -> Bool {
    guard let head = p.first else { return s.isEmpty }
    if head == "**" {
      let rest = p.dropFirst()
      if rest.isEmpty { return true }
      var tail = s
      while true {
        if match(rest, tail) { return true }
        if tail.isEmpty { return false }
        tail = tail.dropFirst()
      }
    }
    guard let seg = s.first, segmentMatches(Array(head.utf8)[...], Array(seg.utf8)[...]) else { return false }
    return match(p.dropFirst(), s.dropFirst())
  }

  /// `*`, `?` and `[abc]`/`[a-z]`/`[!a]` within one segment.
  private static func segmentMatches(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
    guard let c = p.first else { return s.isEmpty }
    switch c {
    case UInt8(ascii: "*"):
      var tail = s
      while true {
        if segmentMatches(p.dropFirst(), tail) { return true }
        if tail.isEmpty { return false }
        tail = tail.dropFirst()
      }
    case UInt8(ascii: "?"):
      return !s.isEmpty && segmentMatches(p.dropFirst(), s.dropFirst())
    case UInt8(ascii: "["):
      guard let ch = s.first, let close = p.dropFirst().firstIndex(of: UInt8(ascii: "]")) else {
        return !s.isEmpty && s.first == c && segmentMatches(p.dropFirst(), s.dropFirst())
      }
      var set = p[(p.startIndex + 1)..<close]
      var negate = false
      if let f = set.first, f == UInt8(ascii: "!") || f == UInt8(ascii: "^") {
        negate = true
        set = set.dropFirst()
      }
      var hit = false
      var i = set.startIndex
      while i < set.endIndex {
        if i + 2 < set.endIndex, set[i + 1] == UInt8(ascii: "-") {
          if set[i] <= ch && ch <= set[i + 2] { hit = true }
          i += 3
        } else {
          if set[i] == ch { hit = true }
          i += 1
        }
      }
      return hit != negate && segmentMatches(p[(close + 1)...], s.dropFirst())
    default:
      return s.first == c && segmentMatches(p.dropFirst(), s.dropFirst())
    }
  }
}
