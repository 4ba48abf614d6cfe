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
/// deadline. Uses `posix_spawn` and one `poll` loop (no threads), so a plugin that
/// never reads its stdin, floods stderr or hangs cannot block sebuf.
public enum ProcessRunner {
  public struct SpawnError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Runs `executable` (a path) with `arguments`, feeding `input` to its stdin.
  /// Kills it (SIGKILL) after `timeout` seconds.
  public static func run(
    executable: String, arguments: [String] = [], input: [UInt8], timeout: Double
  ) throws -> ProcessResult {
    // A child that exits without reading stdin must not kill us with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)

    var inPipe: [Int32] = [-1, -1]
    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    // Close-on-exec on every end, so concurrent children never inherit each other's
    // pipes (a leaked stdin write end would keep another plugin waiting for EOF).
    spawnLock.lock()
    guard makePipe(&inPipe), makePipe(&outPipe), makePipe(&errPipe) else {
      spawnLock.unlock()
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

    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    var rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    // ETXTBSY: a just-written executable whose write descriptor another process's fork
    // briefly inherited. It clears in milliseconds.
    var attempts = 0
    while rc == ETXTBSY && attempts < 50 {
      attempts += 1
      usleep(10_000)
      rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    }
    close(inPipe[0])
    close(outPipe[1])
    close(errPipe[1])
    spawnLock.unlock()
    if rc != 0 {
      close(inPipe[1])
      close(outPipe[0])
      close(errPipe[0])
      throw SpawnError(description: "cannot run \(executable): \(String(cString: strerror(rc)))")
    }

    _ = fcntl(inPipe[1], F_SETFL, fcntl(inPipe[1], F_GETFL) | O_NONBLOCK)
    let deadline = monotonicSeconds() + timeout
    var stdinFD: Int32 = inPipe[1]
    var stdoutFD: Int32 = outPipe[0]
    var stderrFD: Int32 = errPipe[0]
    var written = 0
    var out: [UInt8] = []
    var err: [UInt8] = []
    var timedOut = false
    if input.isEmpty {
      close(stdinFD)
      stdinFD = -1
    }
    var buffer = [UInt8](repeating: 0, count: 65536)

    while stdoutFD >= 0 || stderrFD >= 0 {
      let remaining = deadline - monotonicSeconds()
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
            if p.fd == stdoutFD { out.append(contentsOf: buffer[0..<r]) } else { err.append(contentsOf: buffer[0..<r]) }
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
      if monotonicSeconds() >= deadline {
        timedOut = true
        continue
      }
      usleep(2000)
    }
    let termination: ProcessTermination =
      (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
    return ProcessResult(stdout: out, stderr: err, termination: termination, timedOut: timedOut)
  }

  /// A pipe whose ends are close-on-exec. Called under `spawnLock`, so no other spawn
  /// can happen between `pipe` and `fcntl` and inherit the ends.
  private static func makePipe(_ fds: inout [Int32]) -> Bool {
    guard fds.withUnsafeMutableBufferPointer({ pipe($0.baseAddress!) }) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
  }

  private static let spawnLock = SpawnLock()

  private static func errnoText() -> String { String(cString: strerror(errno)) }

  static func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}

/// Serialises pipe creation and spawning (see `makePipe`).
private final class SpawnLock: @unchecked Sendable {
  private var mutex = pthread_mutex_t()
  init() { pthread_mutex_init(&mutex, nil) }
  func lock() { pthread_mutex_lock(&mutex) }
  func unlock() { pthread_mutex_unlock(&mutex) }
}
