// `sebuf breaking` against live buf on the two details where they differed on googleapis
// history: ENUM_VALUE_SAME_NAME on `allow_alias` enums (adding an alias is allowed, removing
// or renaming one is not) and a deleted file's finding, which buf reports at `<input>` with
// no `path` in JSON. Both tools run on the same git repository and must print the same bytes.
import Foundation
import TestSupport
import Testing

@Suite("sebuf breaking alias and deleted-file parity with buf")
struct BreakingAliasParityTests {
  static let config = """
    version: v2
    modules:
      - path: proto
    breaking:
      use: [ENUM_VALUE_SAME_NAME, FILE_NO_DELETE]

    """

  static func enums(_ body: String) -> String {
    "syntax = \"proto3\";\n\npackage acme.v1;\n\n" + body
  }

  /// Previous: every enum with an alias on 1 (B's on 0), and a file that will be deleted.
  static let previous = enums(
    """
    enum A { option allow_alias = true; A_UNSPECIFIED = 0; A_X = 1; A_Y = 1; }
    enum B { option allow_alias = true; B_UNSPECIFIED = 0; B_ZERO = 0; B_X = 1; }
    enum C { option allow_alias = true; C_UNSPECIFIED = 0; C_X = 1; C_Y = 1; }
    enum D { option allow_alias = true; D_UNSPECIFIED = 0; D_X = 1; D_Y = 1; }
    enum E { option allow_alias = true; E_UNSPECIFIED = 0; E_X = 1; E_Y = 1; }

    """)

  /// A loses alias A_Y, B gains alias B_Y, C renames C_Y, D renames both, E only reorders.
  static let current = enums(
    """
    enum A { option allow_alias = true; A_UNSPECIFIED = 0; A_ZERO = 0; A_X = 1; }
    enum B { option allow_alias = true; B_UNSPECIFIED = 0; B_ZERO = 0; B_X = 1; B_Y = 1; }
    enum C { option allow_alias = true; C_UNSPECIFIED = 0; C_X = 1; C_Z = 1; }
    enum D { option allow_alias = true; D_UNSPECIFIED = 0; D_Z = 1; D_W = 1; }
    enum E { option allow_alias = true; E_UNSPECIFIED = 0; E_Y = 1; E_X = 1; }

    """)

  static let gone = enums("message Gone {}\n")

  @Test(.oracle("buf", "git")) func findingsAreByteIdenticalToBuf() throws {
    try OracleTools.require(["buf", "git"])
    let repo = try BreakingSupport.tempDir("alias-parity")
    defer { try? FileManager.default.removeItem(at: repo) }
    try BreakingSupport.git(["init", "-q", "-b", "main"], in: repo)
    try Self.config.write(to: repo.appendingPathComponent("buf.yaml"), atomically: true, encoding: .utf8)
    try BreakingSupport.commit(
      ["acme/v1/enums.proto": Self.previous, "acme/v1/gone.proto": Self.gone], in: repo, message: "previous")
    try BreakingSupport.commit(["acme/v1/enums.proto": Self.current], in: repo, message: "current")
    let sebuf = try BreakingSupport.sebufBinary()

    for format in ["json", "text", "github-actions", "msvs", "junit"] {
      let args = ["breaking", ".", "--against", ".git#ref=HEAD~1", "--error-format", format]
      let (bufCode, bufOut, bufErr) = try BreakingSupport.run(["buf"] + args, cwd: repo)
      let (code, out, err) = try BreakingSupport.run([sebuf] + args, cwd: repo)
      #expect(bufCode == 100, "buf \(format): \(bufErr)")
      #expect(code == bufCode, "\(format): sebuf exit \(code), stderr: \(err)")
      let theirs = String(decoding: bufOut, as: UTF8.self)
      let ours = String(decoding: out, as: UTF8.self)
      #expect(ours == theirs, "\(format):\n  buf:\n\(theirs)\n  sebuf:\n\(ours)")
      if format == "json" {
        // The cases are all there: the deleted file without a path, A once, C and D twice, no B or E.
        #expect(
          theirs.contains(
            "{\"start_line\":1,\"start_column\":1,\"end_line\":1,\"end_column\":1,\"type\":\"FILE_NO_DELETE\""))
        #expect(theirs.split(separator: "\n").count == 6)
      }
    }
  }
}
