import Diagnostics
import Foundation
import Proto
import SwiftProtobuf
import TestSupport
import Testing

/// The whole compiler against live protoc 36.2: every file's FileDescriptorProto
/// (source info included, source-retention options stripped as `protoc -o` and
/// `sebuf build` do) must be byte-identical to `protoc --include_imports
/// --include_source_info` over real protos a new user has: the well-known types and
/// feature protos protoc 36.2 ships, Go protobuf's test protos
/// (golang-google-protobuf-dev) and this repository's corpus.
@Suite struct DescriptorOracleTests {
  static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  /// The proto2/proto3 files of protoc 36.2's include tree (every WKT and feature proto
  /// that does not declare an edition).
  @Test(.oracle(OracleTools.protoc36, OracleTools.protoc36Include)) func wellKnownTypesAndFeatures() throws {
    try check(
      root: OracleTools.protoc36Include, under: "google/protobuf", minimum: 16,
      select: { !Self.declaresEdition($0) })
  }

  @Test(.oracle(OracleTools.protoc36, "/usr/share/gocode/src/google.golang.org/protobuf/"))
  func goProtobufTestProtos() throws {
    try check(root: "/usr/share/gocode/src/google.golang.org/protobuf", under: "", minimum: 60)
  }

  @Test(.oracle(OracleTools.protoc36)) func corpus() throws {
    try check(
      root: Self.testsDir.appendingPathComponent("ProtoTests/Corpus/linker").path, under: "", minimum: 50,
      includes: [Self.testsDir.deletingLastPathComponent().appendingPathComponent("Sources/Proto/Bundled").path])
  }

  /// Whether a file declares `edition = …` (those are compiled by the editions tests).
  static func declaresEdition(_ path: String) -> Bool {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
    return text.split(separator: "\n").contains { $0.hasPrefix("edition ") || $0.hasPrefix("edition=") }
  }

  /// Compiles every `.proto` under `root/under` with protoc and with sebuf and
  /// compares the sets file by file.
  func check(
    root: String, under: String, minimum: Int, includes: [String] = [], select: (String) -> Bool = { _ in true }
  ) throws {
    let dir = under.isEmpty ? root : (root.hasSuffix("/") ? root : root + "/") + under
    try OracleTools.require([OracleTools.protoc36, dir + "/"])
    let files = TargetDiscovery.protoFiles(under: dir).filter { select(dir + "/" + $0) }
      .map { under.isEmpty ? $0 : under + "/" + $0 }
    #expect(files.count >= minimum)
    let theirs = try protoc(root: root, includes: includes, files: files)
    let (image, diags) = compile(SourceSet(roots: [.init(directory: root, displayPrefix: "")], targets: files))
    let img = SourceRetention.strip(
      try #require(image, "sebuf failed: \(diags.map { DiagnosticFormat.text.format($0) })"))
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
    proc.executableURL = URL(fileURLWithPath: OracleTools.protoc36)
    proc.arguments =
      ["-I", root] + includes.flatMap { ["-I", $0] } + [
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
