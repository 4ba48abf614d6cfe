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
    var parts: [String] = []
    for c in joined.split(separator: "/") {
      if c == "." { continue }
      if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
      parts.append(String(c))
    }
    return "/" + parts.joined(separator: "/")
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

  /// The parent directory of an absolute path (`/` for `/`).
  static func parent(_ p: String) -> String {
    guard let i = p.lastIndex(of: "/"), p != "/" else { return "/" }
    return i == p.startIndex ? "/" : String(p[..<i])
  }

  /// `path` relative to `root` (both absolute); `.` for the root; nil when outside.
  static func relative(_ path: String, to root: String) -> String? {
    if path == root { return "." }
    let prefix = root == "/" ? "/" : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
  }

  static func join(_ a: String, _ b: String) -> String {
    b == "." ? a : (a.hasSuffix("/") ? a + b : a + "/" + b)
  }
}

/// What is at a path on disk.
enum FileSystem {
  enum Kind { case missing, file, directory }

  static func kind(_ path: String) -> Kind {
    var st = stat()
    guard stat(path, &st) == 0 else { return .missing }
    return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  static func isFile(_ path: String) -> Bool { kind(path) == .file }

  /// The file's bytes as UTF-8 text, or nil when it cannot be read.
  static func read(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buf, 1, buf.count, f)
      if n > 0 { bytes.append(contentsOf: buf[0..<n]) }
      if n < buf.count { break }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
