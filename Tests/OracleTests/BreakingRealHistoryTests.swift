import Foundation
import TestSupport
import Testing

/// Breaking-change parity with buf 1.75 on real history: every released version of PyPI's
/// googleapis-common-protos that ships .proto files (google/api, rpc, type, longrunning;
/// 2022–2026), one git commit each (scripts/breaking-parity/wheel-history.py), and for every
/// consecutive pair `buf breaking` and `sebuf breaking` against the previous tag must print
/// the same JSON findings with the same exit code.
@Suite struct BreakingRealHistoryTests {
  /// Where scripts/install-test-deps downloads the wheels.
  static let wheels = "/opt/googleapis-history/"

  @Test(.oracle("git", "buf", "python3", wheels)) func everyReleaseMatchesBuf() throws {
    try OracleTools.require(["git", "buf", "python3", Self.wheels])
    let work = try BreakingSupport.tempDir("real-history")
    defer { try? FileManager.default.removeItem(at: work) }
    let repo = work.appendingPathComponent("repo")
    let script = BreakingSupport.packageRoot.appendingPathComponent("scripts/breaking-parity/wheel-history.py").path
    let (code, tagsOut, err) = try BreakingSupport.run(["python3", script, Self.wheels, repo.path])
    try #require(code == 0, "wheel-history.py failed: \(err)")
    let tags = String(decoding: tagsOut, as: UTF8.self).split(separator: "\n").map(String.init)
    #expect(tags.count >= 10)
    let sebuf = try BreakingSupport.sebufBinary()
    let module = repo.appendingPathComponent("proto")
    var findings = 0
    for (old, new) in zip(tags, tags.dropFirst()) {
      let (c, _, e) = try BreakingSupport.run(["git", "checkout", "-q", new], cwd: repo)
      try #require(c == 0, "\(e)")
      // From inside the module, and from the repository root naming the module directory (CI's
      // usual call: paths are then printed as `proto/google/…`, from where the user stands).
      let calls: [(cwd: URL, args: [String])] = [
        (module, ["--against", "../.git#tag=\(old),subdir=proto"]),
        (repo, ["proto", "--against", ".git#tag=\(old),subdir=proto"]),
      ]
      for call in calls {
        let (bufCode, bufOut, bufErr) = try BreakingSupport.run(
          ["buf", "breaking"] + call.args + ["--error-format", "json"], cwd: call.cwd)
        let (ourCode, ourOut, ourErr) = try BreakingSupport.run(
          [sebuf, "breaking"] + call.args + ["--error-format", "json"], cwd: call.cwd)
        #expect(ourCode == bufCode, "\(old)→\(new): exit \(ourCode) vs buf's \(bufCode): \(ourErr) / \(bufErr)")
        let ours = String(decoding: ourOut, as: UTF8.self).split(separator: "\n").sorted()
        let bufs = String(decoding: bufOut, as: UTF8.self).split(separator: "\n").sorted()
        #expect(ours == bufs, "\(old)→\(new) in \(call.cwd.lastPathComponent)")
        findings += bufs.count
      }
    }
    // The history has real breaking changes (a go_package move, a deleted file), so the
    // comparison is not between two empty outputs.
    #expect(findings >= 4)
  }
}
