/// The one path-pattern semantics of sebuf: lint and breaking `ignore`/`ignore_only`,
/// generate `include`/`exclude` and `--path` all select files with it.
///
/// - A pattern without `*`, `?` or `[` is a path: it selects that file, or that directory
///   and everything under it (buf's semantics). `.` (or an empty pattern) selects all.
/// - Otherwise it is a glob over `/`-separated segments: `*` and `?` match within one
///   segment, `[abc]`, `[a-z]`, `[!a]` one character of a segment, and a segment `**`
///   any number of segments, none included.
/// - Like a plain path, a glob that selects a directory selects everything under it:
///   `proto/*` selects `proto/a.proto` and `proto/v1/b.proto`.
///
/// Matching is an NFA walk over the pattern's segments (no backtracking, no recursion):
/// time O(path segments × pattern segments × segment length), whatever the pattern.
public struct Glob: Sendable, Hashable {
  public let pattern: String
  private let segments: [[UInt8]]
  private let isGlob: Bool

  public init(_ pattern: String) {
    let cleaned = Glob.clean(pattern)
    self.pattern = cleaned
    self.isGlob = Glob.hasWildcard(cleaned)
    self.segments = cleaned.split(separator: "/", omittingEmptySubsequences: true)
      .filter { $0 != "." }
      .map { Array($0.utf8) }
  }

  /// Whether the pattern uses `*`, `?` or `[`.
  public static func hasWildcard(_ s: String) -> Bool {
    s.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
  }

  /// `./a/b/` → `a/b`; what users write and what the matcher compares.
  public static func clean(_ s: String) -> String {
    var s = Substring(s)
    while s.hasPrefix("./") { s = s.dropFirst(2) }
    while s.count > 1 && s.hasSuffix("/") { s = s.dropLast() }
    return String(s)
  }

  /// Whether the pattern selects `path` (workspace-relative).
  public func matches(_ path: String) -> Bool {
    if pattern.isEmpty || pattern == "." { return true }
    let cleanPath = Glob.clean(path)
    if !isGlob {
      return cleanPath == pattern || cleanPath.hasPrefix(pattern + "/")
    }
    let parts = cleanPath.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
    var active = [Bool](repeating: false, count: segments.count + 1)
    active[0] = true
    close(&active)
    if active[segments.count] { return true }
    var next = active
    for part in parts {
      let seg = Array(part.utf8)
      for i in next.indices { next[i] = false }
      for i in 0..<segments.count where active[i] {
        if segments[i] == Glob.doubleStar {
          next[i] = true
        } else if Glob.segmentMatches(segments[i], seg) {
          next[i + 1] = true
        }
      }
      close(&next)
      swap(&active, &next)
      // A selected directory selects what is under it.
      if active[segments.count] { return true }
      if !active.contains(true) { return false }
    }
    return false
  }

  private static let doubleStar: [UInt8] = Array("**".utf8)

  /// `**` may match no segment: a state before one also reaches the state after it.
  private func close(_ states: inout [Bool]) {
    for i in 0..<segments.count where states[i] && segments[i] == Glob.doubleStar {
      states[i + 1] = true
    }
  }

  /// One segment against one segment pattern: greedy matching with one backtrack point
  /// (the last `*`), which is O(p × s) at worst.
  static func segmentMatches(_ p: [UInt8], _ s: [UInt8]) -> Bool {
    var pi = 0
    var si = 0
    var starP = -1
    var starS = 0
    while si < s.count {
      if pi < p.count {
        let c = p[pi]
        if c == UInt8(ascii: "*") {
          starP = pi
          starS = si
          pi += 1
          continue
        }
        if c == UInt8(ascii: "?") {
          pi += 1
          si += 1
          continue
        }
        if c == UInt8(ascii: "["), let (hit, end) = characterClass(p, at: pi, s[si]) {
          if hit {
            pi = end
            si += 1
            continue
          }
        } else if c == s[si] {
          pi += 1
          si += 1
          continue
        }
      }
      guard starP >= 0 else { return false }
      starS += 1
      si = starS
      pi = starP + 1
    }
    while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
    return pi == p.count
  }

  /// `[abc]`, `[a-z]`, `[!a]`/`[^a]` at `start`: whether `ch` is in it and the index after
  /// `]`; nil when there is no closing `]` (then `[` is literal).
  private static func characterClass(_ p: [UInt8], at start: Int, _ ch: UInt8) -> (Bool, Int)? {
    var i = start + 1
    var negate = false
    if i < p.count && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^")) {
      negate = true
      i += 1
    }
    guard let close = p[i...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
    var hit = false
    while i < close {
      if i + 2 < close, p[i + 1] == UInt8(ascii: "-") {
        if p[i] <= ch && ch <= p[i + 2] { hit = true }
        i += 3
      } else {
        if p[i] == ch { hit = true }
        i += 1
      }
    }
    return (hit != negate, close + 1)
  }
}
