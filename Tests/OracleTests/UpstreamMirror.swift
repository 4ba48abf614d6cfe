import Foundation
import Testing

/// A local copy of upstream sebuf's repository (github.com/SebastienMelki/sebuf at b95aec5), the
/// one place the tests that compare with upstream's own goldens and examples find it. It cannot
/// be installed from a package registry and CI cannot reach GitHub, so those tests are skipped
/// (never failed or passed) without it; upstream's files are read at test time, never committed.
enum UpstreamMirror {
  /// A bare clone of upstream sebuf (SEBUF_UPSTREAM_MIRROR overrides the default location).
  static let path =
    ProcessInfo.processInfo.environment["SEBUF_UPSTREAM_MIRROR"] ?? "/work/.mirror/SebastienMelki+sebuf/repo"
  static var present: Bool { FileManager.default.fileExists(atPath: path + "/HEAD") }

  /// Extracts `paths` of the mirror's HEAD into a new temporary directory.
  static func extract(_ paths: [String]) throws -> URL {
    let dir = try TSAPIOracle.tempDir("upstream")
    let tar = dir.appendingPathComponent("upstream.tar")
    let (code, out) = try TSAPIOracle.run(
      ["git", "--git-dir", path, "archive", "-o", tar.path, "HEAD"] + paths, cwd: dir)
    try #require(code == 0, "git archive failed: \(out)")
    let (untar, out2) = try TSAPIOracle.run(["tar", "-xf", tar.path], cwd: dir)
    try #require(untar == 0, "tar failed: \(out2)")
    return dir
  }
}
