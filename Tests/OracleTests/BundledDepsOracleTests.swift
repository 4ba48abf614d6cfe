import Foundation
import TestSupport
import Testing

/// The googleapis common protos sebuf bundles (for `deps: [buf.build/googleapis/googleapis]`)
/// compile as protoc 36.2 compiles the same files: byte-identical images.
@Suite struct BundledDepsOracleTests {
  @Test(.oracle(OracleTools.protoc36)) func everyBundledGoogleapisFileCompilesAsProtocDoes() throws {
    try OracleTools.require([OracleTools.protoc36])
    let bundled = BreakingSupport.bundledProtos
    let files = ["google/api", "google/rpc", "google/type"].flatMap { sub in
      BreakingSupport.protoFiles(in: URL(fileURLWithPath: bundled).appendingPathComponent(sub)).map { "\(sub)/\($0)" }
    }
    #expect(files.count >= 40)
    let dir = try BreakingSupport.tempDir("bundled-deps")
    defer { try? FileManager.default.removeItem(at: dir) }
    let imports = files.map { "import \"\($0)\";" }.joined(separator: "\n")
    try "version: v2\ndeps: [buf.build/googleapis/googleapis]\n".write(
      to: dir.appendingPathComponent("buf.yaml"), atomically: true, encoding: .utf8)
    try "syntax = \"proto3\";\npackage acme.v1;\n\(imports)\nmessage M {}\n".write(
      to: dir.appendingPathComponent("all.proto"), atomically: true, encoding: .utf8)
    let sebufOut = dir.appendingPathComponent("sebuf.binpb").path
    let protocOut = dir.appendingPathComponent("protoc.binpb").path
    let (c1, _, e1) = try BreakingSupport.run(
      [try BreakingSupport.sebufBinary(), "build", "-o", sebufOut, "--exclude-source-info"], cwd: dir)
    #expect(c1 == 0, "\(e1)")
    let (c2, _, e2) = try BreakingSupport.run(
      [OracleTools.protoc36, "-I", dir.path, "-I", bundled, "--include_imports", "-o", protocOut, "all.proto"], cwd: dir
    )
    #expect(c2 == 0, "\(e2)")
    #expect(FileManager.default.contents(atPath: sebufOut) == FileManager.default.contents(atPath: protocOut))
  }
}
