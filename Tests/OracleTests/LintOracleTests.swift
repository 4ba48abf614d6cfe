import Foundation
import TestSupport
import Testing

/// `sebuf lint` and the real `buf lint` (1.75, the oracle) on the parity workspaces, in
/// every output format both have: same findings, same bytes (modulo line order, JSON
/// escaping and junit indentation), same exit code. The workspaces carry a buf.yaml,
/// which sebuf reads when there is no sebuf.yaml.
@Suite struct LintOracleTests {
  static let workspaces = ["standard", "comments", "options", "edge"]
  static let formats = ["text", "json", "msvs", "github-actions", "junit", "config-ignore-yaml"]

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }
  static var sebuf: String {
    ProcessInfo.processInfo.environment["SEBUF_BIN"] ?? packageRoot.appendingPathComponent(".build/debug/sebuf").path
  }

  static func run(_ args: [String], in dir: URL) throws -> (Int32, String) {
    signal(SIGPIPE, SIG_IGN)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.currentDirectoryURL = dir
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("lint-oracle-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: out) }
    let handle = try FileHandle(forWritingTo: out)
    p.standardOutput = handle
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try handle.close()
    return (p.terminationStatus, try String(contentsOf: out, encoding: .utf8))
  }

  /// Output made comparable: JSON lines decoded and re-encoded with sorted keys (Go
  /// escapes `>` as \u003e), junit without indentation, lines sorted.
  static func normalize(_ s: String, format: String) throws -> [String] {
    switch format {
    case "json":
      return try s.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return String(
          decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
      }.sorted()
    case "junit":
      return [s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()]
    default:
      return s.split(separator: "\n").map(String.init).sorted()
    }
  }

  @Test(.oracle("buf"), arguments: workspaces, formats)
  func sameOutputAsBuf(_ workspace: String, _ format: String) throws {
    try OracleTools.require(["buf"])
    let dir = Self.packageRoot.appendingPathComponent("Tests/LintTests/Fixtures/parity/\(workspace)")
    let (bufCode, bufOut) = try Self.run(["buf", "lint", "--error-format", format], in: dir)
    #expect(bufCode == 100, "buf must be installed (pip install buf-bin) and report findings")
    let (code, out) = try Self.run([Self.sebuf, "lint", "--error-format", format], in: dir)
    #expect(code == bufCode)
    #expect(!out.isEmpty)
    #expect(try Self.normalize(out, format: format) == Self.normalize(bufOut, format: format))
  }

  @Test(.oracle("buf")) func cleanWorkspaceExitsZero() throws {
    try OracleTools.require(["buf"])
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lint-clean-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let src = Self.packageRoot.appendingPathComponent("Tests/LintTests/Fixtures/parity/standard/acme/good")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("acme"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: src, to: dir.appendingPathComponent("acme/good"))
    try "version: v2\n".write(to: dir.appendingPathComponent("buf.yaml"), atomically: true, encoding: .utf8)
    let (bufCode, bufOut) = try Self.run(["buf", "lint"], in: dir)
    let (code, out) = try Self.run([Self.sebuf, "lint"], in: dir)
    #expect(bufCode == 0 && bufOut.isEmpty)
    #expect(code == 0 && out.isEmpty)
  }
}
