#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `/`-separated path helpers for workspace-relative paths: normalisation, containment,
/// safe output names. Pure string functions (no disk access); the workspace only deals
/// in POSIX paths.
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

  /// The last component of a path (`a/b/c.proto` → `c.proto`).
  public static func baseName(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
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

  /// Whether `pattern` (an include/exclude, ignore or `--path` entry) selects `path`;
  /// see `Glob` for the one semantics every path list uses.
  public static func matches(_ pattern: String, _ path: String) -> Bool {
    Glob(pattern).matches(path)
  }
}

/// Absolute-path helpers: the current directory, lexical normalisation, relative paths.
public enum FilePath {
  public static func currentDirectory() -> String {
    guard let p = getcwd(nil, 0) else { return "." }
    defer { free(p) }
    return String(cString: p)
  }

  /// Absolute and normalised (`.` and `..` resolved lexically).
  public static func absolute(_ p: String, base: String? = nil) -> String {
    let joined = p.hasPrefix("/") ? p : (base ?? currentDirectory()) + "/" + p
    var parts: [String] = []
    for c in joined.split(separator: "/") {
      if c == "." { continue }
      if c == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(String(c))
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Components with `.` removed and `..` applied; a leading `..` that climbs above the
  /// start is kept so callers can detect escapes.
  public static func components(_ p: String) -> [String] {
    var parts: [String] = []
    for c in p.split(separator: "/", omittingEmptySubsequences: true) {
      if c == "." { continue }
      if c == "..", let last = parts.last, last != ".." {
        parts.removeLast()
        continue
      }
      parts.append(String(c))
    }
    return parts
  }

  /// The parent directory of an absolute path (`/` for `/`).
  public static func parent(_ p: String) -> String {
    guard let i = p.lastIndex(of: "/"), p != "/" else { return "/" }
    return i == p.startIndex ? "/" : String(p[..<i])
  }

  /// `path` relative to `root` (both absolute); `.` for the root; nil when outside.
  public static func relative(_ path: String, to root: String) -> String? {
    if path == root { return "." }
    let prefix = root == "/" ? "/" : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
  }

  public static func join(_ a: String, _ b: String) -> String {
    b == "." ? a : (a.hasSuffix("/") ? a + b : a + "/" + b)
  }
}
