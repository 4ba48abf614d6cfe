import Backends
import Foundation
import Proto
import TestSupport
import Testing

/// The public API of go-http and go-client output on upstream sebuf's own golden test
/// protos contains every declaration of upstream's goldens (b95aec5): per test proto,
/// `upstream/surface` (a go/ast program of this project) prints the exported API of
/// upstream's golden files and of sebuf's output, and nothing of the first may be missing
/// from the second, and sebuf writes every file name upstream writes. It reads upstream's repository from a mirror
/// (`SEBUF_UPSTREAM_MIRROR`, default `/work/.mirror/SebastienMelki+sebuf/repo`, a git
/// directory) at test time only; without it the test is an oracle test that cannot run.
@Suite(.serialized) struct GoUpstreamGoldenSurfaceTests {
  static let mirror = UpstreamMirror.path

  /// Upstream's test data, extracted from the mirror into `dir` (symlinks kept).
  static func extract(into dir: URL) throws {
    let paths = ["internal/httpgen/testdata", "internal/clientgen/testdata", "internal/tsclientgen/testdata/proto"]
    let archive = try GoToolchain.run(
      ["sh", "-c", "d=\"$1\"; shift; git -C \"$0\" archive HEAD \"$@\" | tar -x -C \"$d\"", mirror, dir.path] + paths,
      in: dir)
    guard archive.status == 0 else { throw OracleFailure("extracting upstream's test data:\n\(archive.output)") }
  }

  /// Every line of upstream's golden API for each test proto of `generator` (`httpgen`,
  /// `clientgen`) that sebuf's `backend` output lacks, as `proto: line`; and how many
  /// lines (declarations) of upstream's were compared.
  static func missing(generator: String, backend: some Backend, surface: String, root: URL) throws -> (
    problems: [String], compared: Int
  ) {
    let fm = FileManager.default
    let protoDir = root.appendingPathComponent("internal/\(generator)/testdata/proto")
    let goldenDir = root.appendingPathComponent("internal/\(generator)/testdata/golden")
    let (image, diagnostics) = compile(SourceSet(roots: [.init(directory: protoDir.path, displayPrefix: "")]))
    let compiled = try #require(image, "\(diagnostics)")
    let goldens = try fm.contentsOfDirectory(atPath: goldenDir.path).filter { $0.hasSuffix(".pb.go") }
    var problems: [String] = []
    var cases = 0
    var compared = 0
    for proto in compiled.targets.map(\.name).sorted() {
      let stem = String(proto.dropLast(".proto".count))
      // Goldens of a longer stem (`unwrap_int64_encoding_…` for `unwrap`) belong to that proto.
      let own = goldens.filter { name in
        name.hasPrefix(stem + "_")
          && !compiled.targets.map(\.name).contains { other in
            other.count > proto.count && name.hasPrefix(String(other.dropLast(".proto".count)) + "_")
          }
      }
      guard !own.isEmpty else { continue }
      cases += 1
      let up = root.appendingPathComponent("cases/\(generator)/\(stem)/upstream")
      let ours = root.appendingPathComponent("cases/\(generator)/\(stem)/sebuf")
      try fm.createDirectory(at: up, withIntermediateDirectories: true)
      try fm.createDirectory(at: ours, withIntermediateDirectories: true)
      for name in own {
        try fm.copyItem(at: goldenDir.appendingPathComponent(name), to: up.appendingPathComponent(name))
      }
      let request = GenerationRequest(
        image: compiled, filesToGenerate: [proto], options: [("paths", "source_relative")])
      var names: Set<String> = []
      for f in try backend.generate(request) {
        let name = String(f.path.split(separator: "/").last ?? "")
        names.insert(name)
        try Data(f.contents).write(to: ours.appendingPathComponent(name))
      }
      // Every file upstream writes, sebuf writes too: regenerating a tree upstream wrote
      // leaves no stale file behind (it would declare the same methods again).
      for name in own where !names.contains(name) { problems.append("\(proto): no file \(name)") }
      let expected = try GoToolchain.run([surface, up.path], in: root)
      let actual = try GoToolchain.run([surface, ours.path], in: root)
      guard expected.status == 0, actual.status == 0 else {
        problems.append("\(proto): surface failed:\n\(expected.output)\n\(actual.output)")
        continue
      }
      let have = Set(actual.output.split(separator: "\n"))
      for line in expected.output.split(separator: "\n") {
        compared += 1
        if !have.contains(line) { problems.append("\(proto): \(line)") }
      }
    }
    if cases == 0 { problems.append("no golden case found for \(generator)") }
    return (problems, compared)
  }

  /// Upstream's repository is not installable from a registry (and CI cannot reach GitHub):
  /// without a local mirror the test is skipped, never failed or passed.
  @Test(
    .oracle("go", "git", "tar"),
    .enabled(if: UpstreamMirror.present, "no upstream sebuf mirror (SEBUF_UPSTREAM_MIRROR)"))
  func sebufsAPIContainsUpstreamsOnUpstreamsGoldenCases() throws {
    try OracleTools.require(["go", "git", "tar"])
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("sebuf-upstream-goldens-\(UUID().uuidString)")
    try fm.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: root) }
    try Self.extract(into: root)
    let tool = root.appendingPathComponent("surface")
    try fm.copyItem(at: GoUpstreamCompatOracleTests.upstream.appendingPathComponent("surface"), to: tool)
    let built = try GoToolchain.run(["go", "build", "-o", "surface-bin", "."], in: tool)
    try #require(built.status == 0, "building surface:\n\(built.output)")
    let surface = tool.appendingPathComponent("surface-bin").path

    // Measured at b95aec5: 551 go-http declarations, 398 go-client declarations.
    let http = try Self.missing(generator: "httpgen", backend: GoHTTPBackend(), surface: surface, root: root)
    #expect(http.compared > 300)
    #expect(http.problems.isEmpty, "go-http lacks upstream's declarations:\n\(http.problems.joined(separator: "\n"))")
    let client = try Self.missing(generator: "clientgen", backend: GoClientBackend(), surface: surface, root: root)
    #expect(client.compared > 300)
    #expect(
      client.problems.isEmpty, "go-client lacks upstream's declarations:\n\(client.problems.joined(separator: "\n"))")
    print("upstream golden API: go-http \(http.compared) declarations, go-client \(client.compared)")
  }
}
