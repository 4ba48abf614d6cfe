import Foundation
import TestSupport
import Testing

/// upstream sebuf's example repositories (github.com/SebastienMelki/sebuf at b95aec5, each a
/// buf.yaml + buf.gen.yaml v2 workspace) run with their files unchanged: `build`, `lint` and
/// `generate` succeed as they do with buf. Reads upstream from ``UpstreamMirror`` (skipped
/// without it).
@Suite struct UpstreamExamplesTests {
  static let repository = UpstreamMirror.path
  static let commit = "b95aec5"

  static var available: Bool {
    UpstreamMirror.present
      && (try? BreakingSupport.run(["git", "-C", repository, "cat-file", "-e", commit]).0) == 0
  }

  /// The example directories at `commit` that hold a buf.yaml.
  static func examples() throws -> [String] {
    let (code, out, err) = try BreakingSupport.run([
      "git", "-C", repository, "ls-tree", "-r", "--name-only", commit, "--", "examples",
    ])
    guard code == 0 else { throw BreakingSupport.ToolError(message: err) }
    return String(decoding: out, as: UTF8.self).split(separator: "\n").compactMap { line in
      let parts = line.split(separator: "/")
      return parts.count == 3 && parts[2] == "buf.yaml" ? String(parts[1]) : nil
    }.sorted()
  }

  @Test(.enabled(if: available, "no upstream sebuf mirror (SEBUF_UPSTREAM_MIRROR)"))
  func everyExampleBuildsLintsAndGeneratesUnchanged() throws {
    let names = try Self.examples()
    #expect(names.count >= 17)
    let sebuf = try BreakingSupport.sebufBinary()
    let dir = try BreakingSupport.tempDir("upstream-examples")
    defer { try? FileManager.default.removeItem(at: dir) }
    try BreakingSupport.extract(repo: URL(fileURLWithPath: Self.repository), commit: Self.commit, to: dir)
    for name in names {
      let example = dir.appendingPathComponent("examples").appendingPathComponent(name)
      let (build, _, buildErr) = try BreakingSupport.run([sebuf, "build", "-o", "image.binpb"], cwd: example)
      #expect(build == 0, "\(name): sebuf build: \(buildErr)")
      // Lint findings (exit 100) are the examples' own; any other failure is ours.
      let (lint, _, lintErr) = try BreakingSupport.run([sebuf, "lint"], cwd: example)
      #expect(lint == 0 || lint == 100, "\(name): sebuf lint: \(lintErr)")
      let (gen, _, genErr) = try BreakingSupport.run([sebuf, "generate"], cwd: example)
      #expect(gen == 0, "\(name): sebuf generate: \(genErr)")
    }
  }
}
