#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a child process ended.
public enum ProcessTermination: Sendable, Hashable, CustomStringConvertible {
  case exited(Int32)
  case signaled(Int32)

  public var description: String {
    switch self {
    case .exited(let code): "exit status \(code)"
    case .signaled(let sig): "killed by signal \(sig)"
    }
  }
}

/// The captured result of one child process.
public struct ProcessResult: Sendable {
  public var stdout: [UInt8]
  public var stderr: [UInt8]
  public var termination: ProcessTermination
  /// Whether the process was killed because it ran past its deadline.
  public var timedOut: Bool
}

/// Runs an executable with bytes on stdin and captures stdout and stderr, with a
/// deadline: the one way sebuf starts a child process (plugins, git, tar). Uses
/// `posix_spawn` and one `poll` loop (no threads), so a child that never reads its stdin,
/// floods its output or hangs cannot block sebuf or exhaust its memory.
public enum ProcessRunner {
  public struct SpawnError: Error, CustomStringConvertible {
    public var description: String
    /// The executable was not found (ENOENT): callers say what to install.
    public var notFound: Bool = false
  }

  /// How much of stderr is kept by default: its first and last half of this many bytes.
  public static let defaultStderrLimit = 1 << 20

  /// Runs `executable` with `arguments`, feeding `input` to its stdin; a name without `/`
  /// is looked up on PATH. Kills it (SIGKILL) after `timeout` seconds. `directory` is
  /// the child's working directory; `environment` adds to (or overrides) sebuf's own.
  /// stdout is kept whole up to `stdoutLimit` bytes (the run fails past it), stderr keeps
  /// its head and tail within `stderrLimit` bytes and says how much was cut.
  public static func run(
    executable: String, arguments: [String] = [], input: [UInt8] = [], timeout: Double,
    directory: String? = nil, environment: [String: String] = [:],
    stdoutLimit: Int = Int.max, stderrLimit: Int = defaultStderrLimit
  ) throws -> ProcessResult {
    // A child that exits without reading stdin must not kill us with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)

    var inPipe: [Int32] = [-1, -1]
    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    let envp = environmentBlock(adding: environment)
    defer { for p in envp { free(p) } }
    var pid: pid_t = 0
    // Close-on-exec on every end, so concurrent children never inherit each other's
    // pipes (a leaked stdin write end would keep another plugin waiting for EOF).
    let rc: Int32 = try spawnLock.withLock { _ in
      guard makePipe(&inPipe), makePipe(&outPipe), makePipe(&errPipe) else {
        for fd in inPipe + outPipe + errPipe where fd >= 0 { close(fd) }
        throw SpawnError(description: "cannot create pipes: \(errnoText())")
      }
      #if os(Linux)
        var actions = posix_spawn_file_actions_t()
      #else
        var actions: posix_spawn_file_actions_t? = nil
      #endif
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
      posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
      posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
      if let directory {
        guard let addChdir = Self.addChdir else {
          throw SpawnError(
            description:
              "cannot run \(executable) in \(directory): this C library has no posix_spawn_file_actions_addchdir_np")
        }
        _ = addChdir(&actions, directory)
      }
      func spawn() -> Int32 {
        // A name without `/` is looked up on PATH, as a shell would.
        executable.contains("/")
          ? posix_spawn(&pid, executable, &actions, nil, argv, envp)
          : posix_spawnp(&pid, executable, &actions, nil, argv, envp)
      }
      var rc = spawn()
      // ETXTBSY: a just-written executable whose write descriptor another process's fork
      // briefly inherited. It clears in milliseconds.
      var attempts = 0
      while rc == ETXTBSY && attempts < 50 {
        attempts += 1
        usleep(10_000)
        rc = spawn()
      }
      close(inPipe[0])
      close(outPipe[1])
      close(errPipe[1])
      if rc == 0 { _ = running.withLock { $0.insert(pid) } }
      return rc
    }
    if rc != 0 {
      close(inPipe[1])
      close(outPipe[0])
      close(errPipe[0])
      throw SpawnError(
        description: "cannot run \(executable): \(String(cString: strerror(rc)))", notFound: rc == ENOENT)
    }

    _ = fcntl(inPipe[1], F_SETFL, fcntl(inPipe[1], F_GETFL) | O_NONBLOCK)
    let deadline = ProcessClock.seconds() + timeout
    var stdinFD: Int32 = inPipe[1]
    var stdoutFD: Int32 = outPipe[0]
    var stderrFD: Int32 = errPipe[0]
    var written = 0
    var out: [UInt8] = []
    var err = BoundedCapture(limit: stderrLimit)
    var overflow = false
    var timedOut = false
    if input.isEmpty {
      close(stdinFD)
      stdinFD = -1
    }
    var buffer = [UInt8](repeating: 0, count: 65536)

    while (stdoutFD >= 0 || stderrFD >= 0) && !overflow {
      let remaining = deadline - ProcessClock.seconds()
      if remaining <= 0 {
        timedOut = true
        break
      }
      var fds: [pollfd] = []
      if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
      if stdoutFD >= 0 { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
      if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
      let n = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 1000)) + 1)
      if n < 0 {
        if errno == EINTR { continue }
        break
      }
      for p in fds where p.revents != 0 {
        if p.fd == stdinFD {
          let w = input.withUnsafeBytes { raw in
            write(stdinFD, raw.baseAddress! + written, raw.count - written)
          }
          if w > 0 {
            written += w
            if written == input.count {
              close(stdinFD)
              stdinFD = -1
            }
          } else if w < 0 && errno != EAGAIN && errno != EINTR {
            // EPIPE: the child stopped reading; keep collecting its output.
            close(stdinFD)
            stdinFD = -1
          }
        } else {
          let r = buffer.withUnsafeMutableBytes { read(p.fd, $0.baseAddress!, $0.count) }
          if r > 0 {
            if p.fd == stdoutFD {
              if out.count + r > stdoutLimit {
                overflow = true
                timedOut = true  // stop it the same way: SIGKILL below
              } else {
                out.append(contentsOf: buffer[0..<r])
              }
            } else {
              err.append(buffer[0..<r])
            }
          } else if r == 0 || (errno != EAGAIN && errno != EINTR) {
            close(p.fd)
            if p.fd == stdoutFD { stdoutFD = -1 } else { stderrFD = -1 }
          }
        }
      }
    }
    for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 { close(fd) }

    // Output is closed; wait for the exit, still bounded by the deadline.
    var status: Int32 = 0
    while true {
      if timedOut {
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        break
      }
      let w = waitpid(pid, &status, WNOHANG)
      if w == pid { break }
      if w < 0 && errno != EINTR { break }
      if ProcessClock.seconds() >= deadline {
        timedOut = true
        continue
      }
      usleep(2000)
    }
    _ = running.withLock { $0.remove(pid) }
    let termination: ProcessTermination =
      (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
    if overflow {
      throw SpawnError(description: "\(executable) wrote more than \(stdoutLimit) bytes to stdout; stopped it.")
    }
    return ProcessResult(stdout: out, stderr: err.bytes, termination: termination, timedOut: timedOut)
  }

  /// A pipe whose ends are close-on-exec. Called under `spawnLock`, so no other spawn
  /// can happen between `pipe` and `fcntl` and inherit the ends.
  private static func makePipe(_ fds: inout [Int32]) -> Bool {
    guard fds.withUnsafeMutableBufferPointer({ pipe($0.baseAddress!) }) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
  }

  /// Children started and not yet reaped, so a run that must end at once (`--timeout`)
  /// can stop them instead of leaving them behind.
  private static let running = Locked(Set<pid_t>())

  /// Kills (SIGKILL) every child this process started that is still running.
  public static func killRunning() {
    running.withLock { pids in
      for pid in pids { kill(pid, SIGKILL) }
    }
  }

  /// Serialises pipe creation and spawning (see `makePipe`).
  private static let spawnLock = Locked(())

  #if os(Linux)
    private typealias AddChdir =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
  #else
    private typealias AddChdir =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t?>, UnsafePointer<CChar>) -> Int32
  #endif

  /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+, macOS 10.15+), looked up at run
  /// time because the Swift C module does not import it: the child changes directory, so
  /// sebuf's own working directory (shared by its threads) never does.
  private static let addChdir: AddChdir? = {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np")
    else { return nil }
    return unsafeBitCast(symbol, to: AddChdir.self)
  }()

  private static func errnoText() -> String { String(cString: strerror(errno)) }

  /// sebuf's environment with `overrides` applied, as a NULL-terminated C array.
  private static func environmentBlock(adding overrides: [String: String]) -> [UnsafeMutablePointer<CChar>?] {
    var block: [UnsafeMutablePointer<CChar>?] = []
    var p = environ
    while let entry = p.pointee {
      let text = String(cString: entry)
      let name = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
      if overrides[name] == nil { block.append(strdup(entry)) }
      p += 1
    }
    for (k, v) in overrides.sorted(by: { $0.key < $1.key }) { block.append(strdup("\(k)=\(v)")) }
    return block + [nil]
  }
}

/// Keeps the first and the last `limit / 2` bytes of a stream and counts the rest, so a
/// child that writes gigabytes costs a megabyte.
struct BoundedCapture {
  let half: Int
  var head: [UInt8] = []
  var tail: [UInt8] = []
  var dropped = 0

  init(limit: Int) { half = max(1, limit / 2) }

  mutating func append(_ chunk: ArraySlice<UInt8>) {
    var chunk = chunk
    if head.count < half {
      let n = min(half - head.count, chunk.count)
      head.append(contentsOf: chunk.prefix(n))
      chunk = chunk.dropFirst(n)
    }
    guard !chunk.isEmpty else { return }
    tail.append(contentsOf: chunk)
    // Trim only when twice over, so trimming stays amortised linear.
    if tail.count > 2 * half {
      let cut = tail.count - half
      dropped += cut
      tail.removeFirst(cut)
    }
  }

  var bytes: [UInt8] {
    var tail = tail
    var dropped = dropped
    if tail.count > half {
      dropped += tail.count - half
      tail.removeFirst(tail.count - half)
    }
    if dropped == 0 { return head + tail }
    return head + Array("\n[… \(dropped) bytes of output cut …]\n".utf8) + tail
  }
}
