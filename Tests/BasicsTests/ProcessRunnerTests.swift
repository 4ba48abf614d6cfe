import Testing

@testable import Basics

/// The one process runner: PATH lookup, working directory, environment, deadlines and
/// bounded capture.
struct ProcessRunnerTests {
  @Test func runsFromPathInADirectoryWithEnvironment() throws {
    let dir = try FileSystem.makeTemporaryDirectory(prefix: "sebuf-runner-")
    defer { FileSystem.removeTree(dir) }
    let r = try ProcessRunner.run(
      executable: "sh", arguments: ["-c", "pwd; printf %s \"$SEBUF_TEST_VALUE\"; cat"], input: Array("in".utf8),
      timeout: 10, directory: dir, environment: ["SEBUF_TEST_VALUE": "v"])
    let out = String(decoding: r.stdout, as: UTF8.self)
    #expect(r.termination == .exited(0))
    #expect(out.hasSuffix("\nvin"))
    #expect(FileSystem.realPath(String(out.split(separator: "\n")[0])) == FileSystem.realPath(dir))
  }

  @Test func missingExecutableSaysNotFound() {
    do {
      _ = try ProcessRunner.run(executable: "sebuf-no-such-tool-xyz", timeout: 5)
      Issue.record("expected an error")
    } catch let e as ProcessRunner.SpawnError {
      #expect(e.notFound)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func timeoutKills() throws {
    let r = try ProcessRunner.run(executable: "sleep", arguments: ["20"], timeout: 0.3)
    #expect(r.timedOut)
  }

  @Test func stderrFloodIsBounded() throws {
    // 8 MiB of stderr keeps 64 KiB: its head, its tail and a note of what was cut.
    let r = try ProcessRunner.run(
      executable: "sh", arguments: ["-c", "head -c 8388608 /dev/zero | tr '\\0' x >&2; echo end >&2"],
      timeout: 30, stderrLimit: 1 << 16)
    let err = String(decoding: r.stderr, as: UTF8.self)
    #expect(r.stderr.count < (1 << 16) + 100)
    #expect(err.contains("bytes of output cut"))
    #expect(err.hasSuffix("end\n"))
  }

  @Test func stdoutPastItsLimitFails() {
    #expect(throws: ProcessRunner.SpawnError.self) {
      try ProcessRunner.run(
        executable: "sh", arguments: ["-c", "head -c 1000000 /dev/zero"], timeout: 30, stdoutLimit: 1000)
    }
  }
}
