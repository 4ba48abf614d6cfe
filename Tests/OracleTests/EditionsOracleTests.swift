import Diagnostics
import Foundation
import Proto
import SwiftProtobuf
import TestSupport
import Testing

/// Editions against a live protoc 36.2: the editions corpus and protoc 36.2's own include tree
/// (descriptor.proto, the cpp/java/go/c# feature protos, the WKTs, plugin.proto) compiled by
/// both, every file compared byte for byte; and every invalid editions case's diagnostics.
@Suite struct EditionsOracleTests {
  static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  @Test(.oracle(OracleTools.protoc36)) func editionsCorpus() throws {
    try check(root: Self.testsDir.appendingPathComponent("ProtoTests/Corpus/editions").path, minimum: 60)
  }

  @Test(.oracle(OracleTools.protoc36, OracleTools.protoc36Include)) func protoc36IncludeTree() throws {
    try check(root: OracleTools.protoc36Include, minimum: 19)
  }

  @Test(.oracle(OracleTools.protoc36)) func invalidCasesReportWhatProtoc36Reports() throws {
    try OracleTools.require([OracleTools.protoc36])
    let dir = Self.testsDir.appendingPathComponent("ProtoTests/Invalid/editions").path
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".proto") }.sorted()
    #expect(names.count >= 80)
    for name in names {
      let (_, stderr) = try run(["-I", "."], files: [name], in: dir)
      let (_, diags) = compile(SourceSet(roots: [.init(directory: dir, displayPrefix: "")], targets: [name]))
      let ours = diags.normalized().map(Self.line).sorted()
      let theirs = stderr.split(separator: "\n").map(String.init).sorted()
      #expect(ours == theirs, "\(name)")
    }
  }

  static func line(_ d: Diagnostic) -> String {
    var s = d.span.map { $0.hasPosition ? "\($0.file):\($0.start.line):\($0.start.column): " : "\($0.file): " } ?? ""
    if d.severity == .warning { s += "warning: " }
    return s + d.message
  }

  /// Compiles every `.proto` under `root` with protoc 36.2 and with sebuf; compares file by file.
  func check(root: String, minimum: Int) throws {
    try OracleTools.require([OracleTools.protoc36, root.hasSuffix("/") ? root : root + "/"])
    let files = TargetDiscovery.protoFiles(under: root)
    #expect(files.count >= minimum)
    let (out, stderr) = try run(["-I", root, "--include_imports", "--include_source_info"], files: files)
    let theirs = try #require(out, "protoc 36.2 failed: \(stderr)")
    let (image, diags) = compile(SourceSet(roots: [.init(directory: root, displayPrefix: "")], targets: files))
    // protoc 36.2 strips source-retention options from what it writes, as `sebuf build -o` does.
    let img = SourceRetention.strip(
      try #require(image, "sebuf failed: \(diags.map { DiagnosticFormat.text.format($0) })"))
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: theirs)
    #expect(img.files.map(\.name) == set.file.map(\.name))
    let ours = Dictionary(uniqueKeysWithValues: img.files.map { ($0.name, $0.descriptor) })
    var same = 0
    for f in set.file {
      guard let d = ours[f.name] else { continue }
      // Both re-serialized by SwiftProtobuf: same fields, same unknown-field bytes.
      if try d.serializedBytes() as [UInt8] == f.serializedBytes() {
        same += 1
      } else {
        Issue.record("\(f.name) differs from protoc 36.2")
      }
    }
    #expect(same == set.file.count)
  }

  /// Runs protoc 36.2 with `-o` to a temporary file: (the set's bytes, or nil on failure; stderr).
  func run(_ args: [String], files: [String], in directory: String? = nil) throws -> ([UInt8]?, String) {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sebuf-editions-oracle-\(UUID().uuidString).binpb")
    defer { try? FileManager.default.removeItem(at: out) }
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: OracleTools.protoc36)
    proc.arguments = args + ["-o", out.path] + files
    // Run in the directory, as scripts/regen-proto-goldens does, so messages name relative paths.
    if let directory { proc.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let err = Pipe()
    proc.standardError = err
    try proc.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    proc.waitUntilExit()
    let bytes = proc.terminationStatus == 0 ? [UInt8](try Data(contentsOf: out)) : nil
    return (bytes, String(decoding: data, as: UTF8.self))
  }
}
