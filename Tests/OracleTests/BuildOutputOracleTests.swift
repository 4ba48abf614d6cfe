import Foundation
import TestSupport
import Testing

/// `sebuf build -o` in text format and YAML says exactly what the binary image says:
/// protoc turns the text format back into the same bytes, and a YAML parser reads the
/// YAML as the same document as the JSON image.
@Suite struct BuildOutputOracleTests {
  static func build(_ dir: URL, _ name: String) throws -> Data {
    let (code, _, err) = try BreakingSupport.run(
      [try BreakingSupport.sebufBinary(), "build", "-o", dir.appendingPathComponent(name).path], cwd: dir)
    #expect(code == 0, "\(err)")
    return try Data(contentsOf: dir.appendingPathComponent(name))
  }

  static func workspace() throws -> URL {
    let dir = try BreakingSupport.tempDir("build-output")
    let proto = """
      syntax = "proto3";
      package a.v1;
      import "google/protobuf/timestamp.proto";
      // A message with "quotes" and unicode: é.
      message A {
        string x = 1;
        repeated google.protobuf.Timestamp at = 2;
        map<string, int64> counts = 3;
        oneof o { int32 i = 4; bytes b = 5; }
      }
      enum E { E_UNSPECIFIED = 0; E_ONE = 1; }
      service S { rpc Get(A) returns (A); }
      """
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("a/v1"), withIntermediateDirectories: true)
    try proto.write(to: dir.appendingPathComponent("a/v1/a.proto"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test(.oracle("protoc", "/usr/include/google/protobuf/")) func textFormatEncodesToTheBinaryImage() throws {
    try OracleTools.require(["protoc", "/usr/include/google/protobuf/"])
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let binary = try Self.build(dir, "i.binpb")
    let text = try Self.build(dir, "i.txtpb")
    let (code, encoded, err) = try BreakingSupport.run(
      ["protoc", "-I/usr/include", "--encode=google.protobuf.FileDescriptorSet", "google/protobuf/descriptor.proto"],
      input: text)
    #expect(code == 0, "\(err)")
    #expect(encoded == binary)
  }

  @Test(.oracle("python3", "py:yaml")) func yamlReadsAsTheJSONImage() throws {
    try OracleTools.require(["python3", "py:yaml"])
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try Self.build(dir, "i.json")
    _ = try Self.build(dir, "i.yaml")
    let script = """
      import json, sys, yaml
      a = json.load(open(sys.argv[1]))
      b = yaml.safe_load(open(sys.argv[2]))
      sys.exit(0 if a == b else 1)
      """
    let (code, _, err) = try BreakingSupport.run(
      ["python3", "-c", script, dir.appendingPathComponent("i.json").path, dir.appendingPathComponent("i.yaml").path])
    #expect(code == 0, "YAML and JSON images differ: \(err)")
  }
}
