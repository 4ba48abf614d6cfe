#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The POSIX file operations sebuf needs, with errors as values. Plain syscalls: the
/// no-op generate path stats thousands of files and must stay cheap.
public enum FileSystem {
  public struct IOError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ what: String, _ path: String, _ code: Int32 = errno) {
      description = "\(what) \(path): \(String(cString: strerror(code)))"
    }
    public init(message: String) { description = message }
  }

  /// Size and modification time (ns) of a regular file, or nil.
  public struct Stamp: Sendable, Hashable, Codable {
    public var size: Int64
    public var mtime: Int64
  }

  public static func stamp(_ path: String) -> Stamp? {
    var st = stat()
    guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    #if os(Linux)
      let ns = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    #else
      let ns = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
    #endif
    return Stamp(size: Int64(st.st_size), mtime: ns)
  }

  /// `size:mtime` of a file, or `missing`: cheap identity for executables in cache keys.
  public static func statFingerprint(_ path: String) -> String {
    guard let s = stamp(path) else { return "missing" }
    return "\(s.size):\(s.mtime)"
  }

  public static func exists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }

  /// What is at a path (symlinks followed).
  public enum Kind: Sendable { case missing, file, directory }

  public static func kind(_ path: String) -> Kind {
    var st = stat()
    guard stat(path, &st) == 0 else { return .missing }
    return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  public static func isFile(_ path: String) -> Bool { kind(path) == .file }

  /// The file's bytes decoded as UTF-8 (invalid sequences become U+FFFD), or nil.
  public static func readText(_ path: String) -> String? {
    read(path).map { String(decoding: $0, as: UTF8.self) }
  }

  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// The file's bytes, or nil when it cannot be read (missing, a directory, …).
  public static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    var result = [UInt8](repeating: 0, count: Int(st.st_size))
    var done = 0
    while done < result.count {
      let n = result.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      done += n
    }
    if done < result.count { result.removeSubrange(done...) }
    // The file may have grown since fstat.
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress!, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      result.append(contentsOf: chunk[0..<n])
    }
    return result
  }

  private static let tempCounter = Counter()

  /// Prefix of the temp files `writeAtomically` leaves behind if killed: swept after a crash.
  public static let tempMarker = ".sebuf-tmp."

  /// Replaces `path` with `bytes` so that readers (and a crash) only ever see the old or
  /// the new file: write a temp file in the same directory, fsync it, rename it over.
  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let dir = PathRules.directory(of: path)
    let base = path.split(separator: "/").last.map(String.init) ?? path
    let temp =
      (dir == "." && !path.hasPrefix("/") ? "" : dir + "/")
      + "\(tempMarker)\(getpid()).\(tempCounter.next()).\(base)"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw IOError("cannot create", temp) }
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        let code = errno
        close(fd)
        unlink(temp)
        throw IOError("cannot write", temp, code)
      }
      done += n
    }
    if fsync(fd) != 0 {
      let code = errno
      close(fd)
      unlink(temp)
      throw IOError("cannot sync", temp, code)
    }
    close(fd)
    if rename(temp, path) != 0 {
      let code = errno
      unlink(temp)
      throw IOError("cannot replace", path, code)
    }
  }

  /// Writes `bytes` to a file that must not exist yet (`O_EXCL`: never overwrites what a
  /// user wrote); false when it exists or cannot be written.
  public static func createNew(_ bytes: [UInt8], at path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }
      done += n
    }
    return true
  }

  /// fsync a directory so renames in it survive a power loss.
  public static func syncDirectory(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  /// `mkdir -p`; returns the directories it created, outermost first. Walks up to the
  /// first existing ancestor, then creates downwards (no recursion).
  @discardableResult
  public static func makeDirectories(_ path: String) throws -> [String] {
    var missing: [String] = []
    var dir = path
    while !isDirectory(dir) {
      missing.append(dir)
      let parent = PathRules.directory(of: dir)
      if parent == dir || parent == "." || parent == "/" || parent.isEmpty { break }
      dir = parent
    }
    var created: [String] = []
    for d in missing.reversed() {
      if mkdir(d, 0o777) == 0 {
        created.append(d)
      } else if errno != EEXIST || !isDirectory(d) {
        throw IOError("cannot create directory", d)
      }
    }
    return created
  }

  public static func remove(_ path: String) throws {
    if unlink(path) != 0 && errno != ENOENT { throw IOError("cannot remove", path) }
  }

  /// Whether `path` itself (not a symlink's target) is a regular file.
  public static func isRegularNoFollow(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
  }

  /// Whether `path` itself (not a symlink's target) is a directory.
  public static func isDirectoryNoFollow(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// Removes `path` and the directories under it, bottom-up, as long as they hold nothing
  /// else: a file or a link anywhere keeps it (and its ancestors). Never follows links.
  public static func removeEmptyTree(_ path: String) {
    var stack: [(path: String, visited: Bool)] = [(path, false)]
    while let (p, visited) = stack.popLast() {
      guard isDirectoryNoFollow(p) else { continue }
      if visited {
        rmdir(p)
      } else {
        stack.append((p, true))
        for e in listNoFollow(p) { stack.append((p + "/" + e, false)) }
      }
    }
  }

  /// Removes `path` if it is an empty directory; true when removed.
  @discardableResult
  public static func removeIfEmptyDirectory(_ path: String) -> Bool { rmdir(path) == 0 }

  /// The canonical absolute path (symlinks resolved), or nil when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// Entries of a directory (names, without `.` and `..`) with whether each is a directory.
  public static func list(_ path: String) -> [(name: String, isDirectory: Bool)] {
    guard let d = opendir(path) else { return [] }
    defer { closedir(d) }
    var result: [(String, Bool)] = []
    while let e = readdir(d) {
      let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name == "." || name == ".." { continue }
      var isDir = Int32(e.pointee.d_type) == Int32(DT_DIR)
      if Int32(e.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(e.pointee.d_type) == Int32(DT_LNK) {
        isDir = isDirectory(path + "/" + name)
      }
      result.append((name, isDir))
    }
    return result
  }

  /// A new, empty, private directory under `$TMPDIR` (or /tmp).
  public static func makeTemporaryDirectory(prefix: String) throws -> String {
    let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = ((base.hasSuffix("/") ? base : base + "/") + prefix + "XXXXXX").utf8CString
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard made != nil else { throw IOError("cannot create a temporary directory in", base) }
    return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  /// `rm -rf path`, never following symlinks (a link is removed, not its target). Walks
  /// with an explicit stack, so depth costs no recursion.
  public static func removeTree(_ path: String) {
    var stack: [(path: String, visited: Bool)] = [(path, false)]
    while let (p, visited) = stack.popLast() {
      var st = stat()
      guard lstat(p, &st) == 0 else { continue }
      if (st.st_mode & S_IFMT) != S_IFDIR {
        unlink(p)
      } else if visited {
        rmdir(p)
      } else {
        stack.append((p, true))
        for e in listNoFollow(p) { stack.append((p + "/" + e, false)) }
      }
    }
  }

  /// Every regular file (or symlink to one) under `dir`, relative to it, sorted. Hidden
  /// entries (`.git`, `.sebuf`) are skipped unless `includeHidden`, and symlinked directories are not entered, so
  /// a link loop cannot make the walk endless. Iterative: depth costs no recursion.
  public static func walkFiles(
    under dir: String, includeHidden: Bool = false, where keep: (String) -> Bool = { _ in true }
  ) -> [String] {
    var files: [String] = []
    var pending: [String] = [""]
    while let rel = pending.popLast() {
      let abs = rel.isEmpty ? dir : dir + "/" + rel
      for name in listNoFollow(abs) where includeHidden || !name.hasPrefix(".") {
        let childRel = rel.isEmpty ? name : rel + "/" + name
        var st = stat()
        guard lstat(abs + "/" + name, &st) == 0 else { continue }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: pending.append(childRel)
        case S_IFREG: if keep(childRel) { files.append(childRel) }
        case S_IFLNK: if isFile(abs + "/" + name) && keep(childRel) { files.append(childRel) }
        default: break
        }
      }
    }
    return files.sorted()
  }

  /// Entry names of a directory (without `.` and `..`).
  private static func listNoFollow(_ path: String) -> [String] {
    guard let d = opendir(path) else { return [] }
    defer { closedir(d) }
    var names: [String] = []
    while let e = readdir(d) {
      let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Current directory.
  public static func currentDirectory() -> String {
    guard let p = getcwd(nil, 0) else { return "." }
    defer { free(p) }
    return String(cString: p)
  }
}

/// A process-wide counter for unique temp names.
final class Counter: Sendable {
  private let value = Locked(0)
  func next() -> Int {
    value.withLock {
      $0 += 1
      return $0
    }
  }
}

/// An exclusive advisory lock (`flock`) on a file, held until `release()`. Two sebuf runs
/// on one workspace take turns instead of interleaving their writes.
public final class WorkspaceLock: @unchecked Sendable {
  private var fd: Int32

  private init(fd: Int32) { self.fd = fd }

  /// Takes the lock at `path` (creating it), waiting up to `timeout` seconds.
  /// Throws a message that says who holds it and what to do.
  public static func acquire(_ path: String, timeout: Double) throws -> WorkspaceLock {
    try FileSystem.makeDirectories(PathRules.directory(of: path))
    // Never through a symlink: a planted link would make sebuf create a file elsewhere.
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o666)
    guard fd >= 0 else {
      if errno == ELOOP {
        throw FileSystem.IOError(
          message: "\(path) is a symlink; sebuf never locks through one: remove it (.sebuf is a cache, safe to delete)")
      }
      throw FileSystem.IOError("cannot open lock file", path)
    }
    let deadline = ProcessClock.seconds() + timeout
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      if errno != EWOULDBLOCK && errno != EINTR {
        let code = errno
        close(fd)
        throw FileSystem.IOError("cannot lock", path, code)
      }
      if ProcessClock.seconds() >= deadline {
        let holder = FileSystem.read(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        close(fd)
        let who = holder.isEmpty ? "another sebuf run" : "another sebuf run (pid \(holder.trimmingCharacters()))"
        throw FileSystem.IOError(
          message:
            "\(who) holds \(path); gave up after waiting \(formatSeconds(timeout)) s. Run again when it has finished (or remove the file if no sebuf is running)."
        )
      }
      usleep(20_000)
    }
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(fd, 0)
    _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
    return WorkspaceLock(fd: fd)
  }

  public func release() {
    guard fd >= 0 else { return }
    _ = ftruncate(fd, 0)
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}

/// Monotonic seconds, for deadlines and timings.
public enum ProcessClock {
  public static func seconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}

extension String {
  fileprivate func trimmingCharacters() -> String {
    var s = Substring(self)
    while let l = s.last, l == "\n" || l == " " { s = s.dropLast() }
    return String(s)
  }
}

/// `read(2)`, named apart from `FileSystem.read`.
private func sysRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.read(fd, buf, count)
  #elseif canImport(Musl)
    return Musl.read(fd, buf, count)
  #else
    return Darwin.read(fd, buf, count)
  #endif
}

/// `60`, `0.2`: seconds as people write them.
public func formatSeconds(_ s: Double) -> String {
  s == s.rounded() ? String(Int(s)) : String(Double(Int(s * 10)) / 10)
}
