import Foundation
import TestSupport
import Testing

/// Paths print from where the user stands, as buf 1.75 prints them: `sebuf lint mm` from the
/// parent of a workspace prints `mm/proto/…`, an absolute argument absolute paths, and so on —
/// what GitHub annotations, editors and CI parsers open.
@Suite struct ShownPathsOracleTests {
  @Test(.oracle("buf")) func lintLsFilesAndBuildPrintPathsAsBufDoes() throws {
    try OracleTools.require(["buf"])
    let dir = try BreakingSupport.tempDir("shown-paths")
    defer { try? FileManager.default.removeItem(at: dir) }
    let ws = dir.appendingPathComponent("mm")
    try FileManager.default.createDirectory(
      at: ws.appendingPathComponent("proto/acme/v1"), withIntermediateDirectories: true)
    try "version: v2\nmodules:\n  - path: proto\n".write(
      to: ws.appendingPathComponent("buf.yaml"), atomically: true, encoding: .utf8)
    try "syntax = \"proto3\";\npackage acme.v1;\nmessage a_message { string FieldName = 1; }\n".write(
      to: ws.appendingPathComponent("proto/acme/v1/a.proto"), atomically: true, encoding: .utf8)
    let sebuf = try BreakingSupport.sebufBinary()
    let cases: [(cwd: URL, args: [String])] = [
      (dir, ["lint", "mm"]), (dir, ["lint", "./mm/", "--error-format", "json"]), (dir, ["lint", ws.path]),
      (ws, ["lint"]), (dir, ["ls-files", "mm"]), (dir, ["ls-files", ws.path]),
      (dir, ["lint", "mm", "--error-format", "github-actions"]),
    ]
    for c in cases {
      let (bufCode, bufOut, _) = try BreakingSupport.run(["buf"] + c.args, cwd: c.cwd)
      let (ourCode, ourOut, ourErr) = try BreakingSupport.run([sebuf] + c.args, cwd: c.cwd)
      #expect(ourCode == bufCode, "\(c.args): \(ourErr)")
      #expect(
        String(decoding: ourOut, as: UTF8.self) == String(decoding: bufOut, as: UTF8.self), "\(c.args) in \(c.cwd.path)"
      )
    }
    // A compile error is shown the same way.
    try "syntax = \"proto3\";\npackage acme.v1;\nmessage B { Missing m = 1; }\n".write(
      to: ws.appendingPathComponent("proto/acme/v1/b.proto"), atomically: true, encoding: .utf8)
    let (code, _, err) = try BreakingSupport.run([sebuf, "build", "mm"], cwd: dir)
    #expect(code == 1)
    #expect(err.hasPrefix("mm/proto/acme/v1/b.proto:3:"), "\(err)")
  }
}
