// Measured on upstream sebuf's own golden cases: for every proto of upstream's tsclientgen and
// tsservergen golden tests (at b95aec5), every exported declaration upstream generates — taken
// from `tsc --declaration` of upstream's committed golden output — is present in sebuf's output
// with the same signature. Needs a fetched copy of upstream's repository (UpstreamMirror); without it the test
// is skipped. Upstream's files are read at test time only and never committed.

import Backends
import Foundation
import Proto
import TestSupport
import Testing

enum UpstreamTS {
  /// Upstream's golden cases: the case name and its proto files.
  static let cases: [(name: String, files: [String])] =
    [
      "backward_compat", "bytes_encoding", "complex_features", "empty_behavior", "empty_request_body", "enum_encoding",
      "flatten", "flatten_oneof_unset", "http_verbs_comprehensive", "int64_encoding", "multi_word_oneof", "nullable",
      "oneof_discriminator", "oneof_field_typing", "query_params", "record_map_collision", "reserved_name", "sse",
      "timestamp_format", "two_oneofs", "unwrap",
    ].map { ($0, ["\($0).proto"]) } + [
      ("crosspkg", ["crosspkg/common/v1/types.proto", "crosspkg/shop/v1/service.proto"]),
      ("nestedcollision", ["nestedcollision/v1/nested_collision.proto", "nestedcollision/v1/wrapper.proto"]),
    ]

  /// sebuf's deliberate supersets, written as upstream spells them: a stream handler may also
  /// yield NamedEvent values or return a Promise of its stream.
  static func upstreamSpelling(_ fact: String) -> String {
    guard fact.contains("NamedEvent<") else { return fact }
    let pattern = #"ReadableStream<([A-Za-z0-9_]+) \| NamedEvent<\1>> \| Promise<ReadableStream<\1 \| NamedEvent<\1>>>"#
    return fact.replacingOccurrences(of: pattern, with: "ReadableStream<$1>", options: .regularExpression)
  }

  /// Upstream's fact in sebuf's layout: the server types every upstream `_server.ts` declares
  /// live in sebuf's shared `server.ts` (each `_server.ts` re-exports them).
  static func sebufLayout(_ fact: String) -> String {
    var f = fact
    if let colon = f.range(of: ": "), f[..<colon.lowerBound].hasSuffix("_server") {
      let rest = f[colon.upperBound...]
      for shared in ["ServerContext", "ServerOptions", "RouteDescriptor"]
      where rest.hasPrefix("export interface \(shared)") {
        f = "server: " + rest
      }
    }
    return f
  }
}

@Suite(.serialized) struct TSUpstreamSurfaceTests {
  @Test(.enabled(if: UpstreamMirror.present, "no fetched copy of upstream sebuf"), .oracle("tsc", "git"))
  func everyUpstreamDeclarationExistsWithItsSignature() throws {
    try OracleTools.require(["tsc", "git"])
    let dir = try TSAPIOracle.tempDir("upstream")
    defer { try? FileManager.default.removeItem(at: dir) }
    let archive = dir.appendingPathComponent("up.tar")
    let (gitCode, gitOut) = try TSAPIOracle.run(
      [
        "git", "--git-dir", UpstreamMirror.path, "archive", "-o", archive.path, "HEAD", "internal/tsclientgen/testdata",
        "internal/tsservergen/testdata", "internal/httpgen/testdata/proto",
      ], cwd: dir)
    try #require(gitCode == 0, "git archive: \(gitOut)")
    let (tarCode, tarOut) = try TSAPIOracle.run(["tar", "-xf", archive.path], cwd: dir)
    try #require(tarCode == 0, "tar: \(tarOut)")
    let generators: [(dir: String, backend: any Backend, suffix: String)] = [
      ("tsclientgen", TSClientBackend(), "_client"), ("tsservergen", TSServerBackend(), "_server"),
    ]
    var compared: [(gen: String, name: String)] = []
    for gen in generators {
      let testdata = dir.appendingPathComponent("internal/\(gen.dir)/testdata")
      for c in UpstreamTS.cases {
        let protoDir = testdata.appendingPathComponent("proto")
        guard FileManager.default.fileExists(atPath: protoDir.appendingPathComponent(c.files[0]).path) else { continue }
        let image = try TSAPIOracle.compiled(root: protoDir, targets: c.files)
        let out = dir.appendingPathComponent("sebuf/\(gen.dir)/\(c.name)")
        try TSAPIOracle.write(
          try gen.backend.generate(GenerationRequest(image: image, filesToGenerate: c.files)), to: out)
        let up = dir.appendingPathComponent("upstream/\(gen.dir)/\(c.name)")
        let golden = testdata.appendingPathComponent("golden")
        var wanted = ["errors.ts"]
        for f in c.files {
          let module = String(f.dropLast(".proto".count))
          wanted += [module + ".ts", module + gen.suffix + ".ts"]
          let sub = (module as NSString).deletingLastPathComponent
          if !sub.isEmpty {
            wanted += TSAPIOracle.tsFiles(in: golden.appendingPathComponent(sub)).map { sub + "/" + $0 }
          }
        }
        for w in Set(wanted) where FileManager.default.fileExists(atPath: golden.appendingPathComponent(w).path) {
          let to = up.appendingPathComponent(w)
          try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
          try? FileManager.default.removeItem(at: to)
          try FileManager.default.copyItem(at: golden.appendingPathComponent(w), to: to)
        }
        compared.append((gen.dir, c.name))
      }
    }
    try #require(compared.count == 44, "expected 44 upstream cases, found \(compared.count)")
    // One tsc run per side; upstream's servers use Headers.entries (dom.iterable).
    for side in ["sebuf", "upstream"] {
      let root = dir.appendingPathComponent(side)
      try Data(#"{"type":"module"}"#.utf8).write(to: root.appendingPathComponent("package.json"))
      let files = TSAPIOracle.tsFiles(in: root)
      let flags = TSAPIOracle.tscFlags.map { $0 == "es2022,dom" ? "es2022,dom,dom.iterable" : $0 }
      let (code, output) = try TSAPIOracle.run(
        ["tsc", "--declaration", "--emitDeclarationOnly", "--removeComments", "--outDir", "../dts-\(side)"] + flags
          + files, cwd: root, timeout: 300)
      try #require(code == 0, "tsc --declaration (\(side)):\n\(output)")
    }
    var total = 0
    var missing: [String] = []
    for (gen, name) in compared {
      func facts(_ side: String) throws -> [String] {
        let root = dir.appendingPathComponent("dts-\(side)/\(gen)/\(name)")
        var out: [String] = []
        for path in TSAPIOracle.tsFiles(in: root) where path.hasSuffix(".d.ts") {
          let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
          out += DeclarationFacts.facts(module: String(path.dropLast(5)), dts: text)
        }
        return out
      }
      let ours = Set(try facts("sebuf").map(UpstreamTS.upstreamSpelling))
      let theirs = try facts("upstream").map(UpstreamTS.sebufLayout)
      total += theirs.count
      missing += theirs.filter { !ours.contains($0) }.map { "\(gen)/\(name): \($0)" }
    }
    #expect(total > 1000, "only \(total) upstream declarations compared")
    #expect(
      missing.isEmpty, "\(missing.count) of \(total) upstream declarations missing:\n\(missing.joined(separator: "\n"))"
    )
  }
}
