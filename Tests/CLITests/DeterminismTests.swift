import Foundation
import Testing

/// Output must not depend on hash seeds. scripts/test exports SWIFT_DETERMINISTIC_HASHING=1
/// (which fixes the seed, and would hide exactly this), so these runs remove it: every
/// run of the binary gets a fresh random seed, and the bytes must still be equal.
struct DeterminismTests {
  static let example = CLI.packageRoot + "/examples/sse-streaming/proto"

  /// A workspace with the example's protos and every native backend.
  func workspace() throws -> Scratch {
    let s = Scratch()
    try FileManager.default.copyItem(atPath: Self.example, toPath: s.path + "/proto")
    s.write(
      "sebuf.yaml",
      """
      version: v1
      modules: [{ path: proto }]
      generate:
        - { backend: openapi, out: gen/openapi }
        - { backend: openapi, name: json, out: gen/openapi-json, opt: { format: json } }
        - { backend: ts-client, out: gen/ts-client }
        - { backend: ts-server, out: gen/ts-server }
        - { backend: go-http, out: gen/go, opt: { paths: source_relative } }
        - { backend: go-client, out: gen/go, opt: { paths: source_relative } }
        - { backend: py-client, out: gen/py }
      managed:
        go_package_prefix: example.com/x/gen/go
      """)
    return s
  }

  func files(under dir: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let e = try #require(FileManager.default.enumerator(atPath: dir))
    while let rel = e.nextObject() as? String {
      if rel.hasPrefix(".sebuf") { continue }
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
        out[rel] = FileManager.default.contents(atPath: dir + "/" + rel)
      }
    }
    return out
  }

  @Test func generateAndBuildAreByteIdenticalAcrossHashSeeds() throws {
    var generated: [[String: Data]] = []
    var images: [Data] = []
    for _ in 0..<3 {
      let s = try workspace()
      defer { s.remove() }
      let g = try CLI.run(["generate"], in: s.path, unset: ["SWIFT_DETERMINISTIC_HASHING"])
      #expect(g.status == 0, "\(g.stderr)")
      let b = try CLI.run(["build", "-o", "image.binpb"], in: s.path, unset: ["SWIFT_DETERMINISTIC_HASHING"])
      #expect(b.status == 0, "\(b.stderr)")
      images.append(try #require(FileManager.default.contents(atPath: s.path + "/image.binpb")))
      generated.append(try files(under: s.path + "/gen"))
    }
    #expect(generated[0].count > 10)
    for run in generated.dropFirst() {
      #expect(run.keys.sorted() == generated[0].keys.sorted())
      for (path, bytes) in run where generated[0][path] != bytes {
        Issue.record("\(path) differs between runs with different hash seeds")
      }
    }
    #expect(images.allSatisfy { $0 == images[0] })
  }
}
