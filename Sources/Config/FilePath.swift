#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small `/`-separated path helpers (the workspace only deals in POSIX paths).
enum FilePath {
  static func currentDirectory() -> String {
    guard let p = getcwd(nil, 0) else { return "." }
    defer { free(p) }
    return String(cString: p)
  }

  /// Absolute and normalised (`.` and `..` resolved lexically).
  static func absolute(_ p: String, base: String? = nil) -> String {
    let joined = p.hasPrefix("/") ? p : (base ?? currentDirectory()) + "/" + p
    return "/" + components(joined).joined(separator: "/")
  }

  /// Components with `.` removed and `..` applied; a leading `..` that climbs above the
  /// start is kept so callers can detect escapes.
  static func components(_ p: String) -> [String] {
    var parts: [String] = []
    for c in p.split(separator: "/", omittingEmptySubsequences: true) {
      if c == "." { continue }
      if c == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
      parts.append(String(c))
    }
    return parts
  }
}
