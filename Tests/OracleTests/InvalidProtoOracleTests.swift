import Foundation
import TestSupport
import Testing

/// The expectations of ProtoTests/Invalid/linker against live protoc 36.2: every
/// `NAME.err` (or `NAME/expected.err`) is what protoc prints for the case, except where
/// sebuf is deliberately more precise (InvalidProtoTests lists those): the unused-import
/// warning quotes the path, a missing import is one error at the import, and a field
/// numbered in 19000–19999 is reported at its number where protoc gives no position.
@Suite(.oracle(OracleTools.protoc36)) struct InvalidProtoOracleTests {
  static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ProtoTests/Invalid/linker")

  /// Cases whose expectation is sebuf's own (editions are refused until sebuf compiles them).
  static let own: Set<String> = ["missing_import.proto", "parse_editions.proto"]

  @Test func expectationsAreProtocs() throws {
    try OracleTools.require([OracleTools.protoc36])
    let fm = FileManager.default
    var compared = 0
    for entry in try fm.contentsOfDirectory(atPath: Self.dir.path).sorted() where !Self.own.contains(entry) {
      let url = Self.dir.appendingPathComponent(entry)
      var isDir: ObjCBool = false
      fm.fileExists(atPath: url.path, isDirectory: &isDir)
      let root: URL
      let targets: [String]
      let expectation: URL
      if isDir.boolValue {
        root = url
        targets = (fm.enumerator(atPath: url.path)?.compactMap { $0 as? String } ?? []).filter {
          $0.hasSuffix(".proto")
        }
        .sorted()
        expectation = url.appendingPathComponent("expected.err")
      } else if entry.hasSuffix(".proto") {
        root = Self.dir
        targets = [entry]
        expectation = Self.dir.appendingPathComponent(String(entry.dropLast(6)) + ".err")
      } else {
        continue
      }
      let want = try String(contentsOf: expectation, encoding: .utf8).split(separator: "\n").map(Self.asProtoc)
      let got = try Self.protocErrors(root: root, targets: targets)
      #expect(got.sorted() == want.sorted(), "\(entry)")
      compared += 1
    }
    #expect(compared >= 130)
  }

  /// An expected line as protoc prints it (undoing sebuf's documented refinements).
  static func asProtoc(_ line: Substring) -> String {
    var s = String(line)
    if let r = s.range(of: "warning: Import \""), s.hasSuffix("\" is unused.") {
      s =
        s[..<r.upperBound].dropLast()
        + s[r.upperBound...].replacingOccurrences(of: "\" is unused.", with: " is unused.")
    }
    if s.hasSuffix("are reserved for the protocol buffer library implementation."),
      let colon = s.firstIndex(of: ":"), let rest = s.range(of: ": Field numbers 19000")
    {
      s = String(s[..<colon]) + String(s[rest.lowerBound...])
    }
    return s
  }

  static func protocErrors(root: URL, targets: [String]) throws -> [String] {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-invalid-\(UUID().uuidString).pb")
    defer { try? FileManager.default.removeItem(at: out) }
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: OracleTools.protoc36)
    proc.currentDirectoryURL = root
    proc.arguments = ["-I", ".", "-o", out.path] + targets
    let pipe = Pipe()
    proc.standardError = pipe
    proc.standardOutput = FileHandle.nullDevice
    try proc.run()
    let err = pipe.fileHandleForReading.readDataToEndOfFile()
    proc.waitUntilExit()
    return String(decoding: err, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}
