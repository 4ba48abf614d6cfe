import Diagnostics
import Foundation
import Proto
import SwiftProtobuf
import TestSupport
import Testing

/// The whole compiler against live protoc 3.21: every file's FileDescriptorProto
/// (source info included) must be byte-identical to `protoc --include_imports
/// --include_source_info` over real protos a new user has: the well-known types,
/// Go protobuf's test protos (golang-google-protobuf-dev) and this repository's corpus.
@Suite struct DescriptorOracleTests {
  static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  @Test(.oracle("protoc", "/usr/include/google/protobuf/")) func wellKnownTypes() throws {
    try check(root: "/usr/include", under: "google/protobuf", minimum: 11)
  }

  @Test(.oracle("protoc", "/usr/share/gocode/src/google.golang.org/protobuf/")) func goProtobufTestProtos() throws {
    try check(root: "/usr/share/gocode/src/google.golang.org/protobuf", under: "", minimum: 60)
  }

  @Test(.oracle("protoc")) func corpus() throws {
    try check(
      root: Self.testsDir.appendingPathComponent("ProtoTests/Corpus/linker").path, under: "", minimum: 48,
      includes: [Self.testsDir.deletingLastPathComponent().appendingPathComponent("Sources/Proto/Bundled").path])
  }

  /// Compiles every `.proto` under `root/under` with protoc and with sebuf and
  /// compares the sets file by file.
  func check(root: String, under: String, minimum: Int, includes: [String] = []) throws {
    let dir = under.isEmpty ? root : root + "/" + under
    try OracleTools.require(["protoc", dir + "/"])
    let files = TargetDiscovery.protoFiles(under: dir).map { under.isEmpty ? $0 : under + "/" + $0 }
    #expect(files.count >= minimum)
    let theirs = try protoc(root: root, includes: includes, files: files)
    let (image, diags) = compile(SourceSet(roots: [.init(directory: root, displayPrefix: "")], targets: files))
    let img = try #require(image, "sebuf failed: \(diags.map { DiagnosticFormat.text.format($0) })")
    #expect(img.files.map { $0.name } == theirs.map { $0.name })
    let ours = Dictionary(uniqueKeysWithValues: img.files.map { ($0.name, $0.descriptor) })
    var same = 0
    for (name, bytes) in theirs {
      guard let d = ours[name] else { continue }
      let mine: [UInt8] = try d.serializedBytes()
      if mine == bytes {
        same += 1
      } else {
        let a = d.textFormatString()
        let b = (try? Google_Protobuf_FileDescriptorProto(serializedBytes: bytes))?.textFormatString() ?? ""
        let i = zip(a.split(separator: "\n"), b.split(separator: "\n")).enumerated().first {
          $0.element.0 != $0.element.1
        }
        Issue.record(
          "\(name) differs from protoc near line \(i?.offset ?? -1): ours \(i?.element.0 ?? "") / protoc \(i?.element.1 ?? "")"
        )
      }
    }
    #expect(same == theirs.count)
  }

  /// protoc's output split into each file's exact bytes.
  func protoc(root: String, includes: [String], files: [String]) throws -> [(name: String, bytes: [UInt8])] {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sebuf-descriptor-oracle-\(UUID().uuidString).pb")
    defer { try? FileManager.default.removeItem(at: out) }
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    proc.arguments =
      ["protoc", "-I", root] + includes.flatMap { ["-I", $0] } + [
        "--include_imports", "--include_source_info", "-o", out.path,
      ]
      + files
    proc.standardError = FileHandle.nullDevice
    try proc.run()
    proc.waitUntilExit()
    #expect(proc.terminationStatus == 0, "protoc failed")
    let data = try Data(contentsOf: out)
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: data)
    // Re-split the raw bytes so that nothing is normalized by decoding.
    var result: [(String, [UInt8])] = []
    var i = data.startIndex
    func varint() -> Int {
      var v = 0
      var shift = 0
      while true {
        let b = data[i]
        i += 1
        v |= Int(b & 0x7f) << shift
        if b < 0x80 { return v }
        shift += 7
      }
    }
    var k = 0
    while i < data.endIndex {
      _ = varint()
      let n = varint()
      result.append((set.file[k].name, [UInt8](data[i..<(i + n)])))
      i += n
      k += 1
    }
    return result
  }
}
