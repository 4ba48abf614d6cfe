import Foundation
import TestSupport
import Testing

/// The googleapis common protos sebuf bundles (for `deps: [buf.build/googleapis/googleapis]`)
/// compile as protoc 36.2 compiles the same files: byte-identical images.
@Suite struct BundledDepsOracleTests {
  @Test(.oracle(OracleTools.protoc36)) func everyBundledGoogleapisFileCompilesAsProtocDoes() throws {
    try OracleTools.require([OracleTools.protoc36])
    let bundled = BreakingSupport.bundledProtos
    let files = ["google/api", "google/longrunning", "google/rpc", "google/type"].flatMap { sub in
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

  /// The wheel scripts/install-test-deps downloads: the same registry package scripts/embed
  /// printed Bundled/buf/validate/validate.proto from.
  static let protovalidateWheelDir = "/opt/protovalidate-2.1.0/"

  /// `deps: [buf.build/bufbuild/protovalidate]` compiles the bundled validate.proto to the very
  /// descriptor PyPI's protovalidate ships (source info aside; compared as messages, since
  /// option fields may be written in another order).
  @Test(.oracle("python3", "py:google.protobuf", protovalidateWheelDir))
  func bundledProtovalidateCompilesToTheShippedDescriptor() throws {
    try OracleTools.require(["python3", "py:google.protobuf", Self.protovalidateWheelDir])
    let wheels = try FileManager.default.contentsOfDirectory(atPath: Self.protovalidateWheelDir).filter {
      $0.hasSuffix(".whl")
    }
    let wheel = Self.protovalidateWheelDir + (try #require(wheels.first, "no wheel in \(Self.protovalidateWheelDir)"))
    let dir = try BreakingSupport.tempDir("bundled-protovalidate")
    defer { try? FileManager.default.removeItem(at: dir) }
    try "version: v2\ndeps: [buf.build/bufbuild/protovalidate]\n".write(
      to: dir.appendingPathComponent("buf.yaml"), atomically: true, encoding: .utf8)
    try """
    syntax = "proto3";
    package acme.v1;
    import "buf/validate/validate.proto";
    message M { string name = 1 [(buf.validate.field).string.min_len = 1]; }

    """.write(to: dir.appendingPathComponent("m.proto"), atomically: true, encoding: .utf8)
    let image = dir.appendingPathComponent("sebuf.binpb").path
    let (c1, _, e1) = try BreakingSupport.run(
      [try BreakingSupport.sebufBinary(), "build", "-o", image, "--exclude-source-info"], cwd: dir)
    #expect(c1 == 0, "\(e1)")
    // The wheel's generated module holds the descriptor as a bytes literal: read it with ast,
    // as scripts/embed does, and compare with sebuf's file as parsed messages.
    let compare = """
      import ast, sys, zipfile
      from google.protobuf import descriptor_pb2
      wheel, image = sys.argv[1], sys.argv[2]
      with zipfile.ZipFile(wheel) as z:
          name = next(n for n in z.namelist() if n.endswith("/buf/validate/validate_pb.py"))
          tree = ast.parse(z.read(name).decode())
      shipped = next(ast.literal_eval(c.args[0]) for c in ast.walk(tree)
                     if isinstance(c, ast.Call) and getattr(c.func, "id", "") == "file_desc")
      want = descriptor_pb2.FileDescriptorProto.FromString(shipped)
      files = descriptor_pb2.FileDescriptorSet.FromString(open(image, "rb").read()).file
      got = next(f for f in files if f.name == "buf/validate/validate.proto")
      print("same" if got == want else "differs:\\n" + str(got)[:2000])
      """
    let (c2, out, e2) = try BreakingSupport.run(["python3", "-c", compare, wheel, image], cwd: dir)
    #expect(c2 == 0, "\(e2)")
    let verdict = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(verdict == "same", "\(verdict)")
  }
}
