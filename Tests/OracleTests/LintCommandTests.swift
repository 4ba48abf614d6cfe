import Foundation
import Testing

/// `sebuf lint` end to end on small workspaces with a sebuf.yaml: config errors with
/// positions, warn, comment ignores, --path, --show-rule-ids, --list-rules, exit codes.
@Suite struct LintCommandTests {
  func workspace(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lint-cmd-\(UUID().uuidString)")
    for (path, text) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static let pet = """
    syntax = "proto3";

    package acme.v1;

    message Pet {
      string displayName = 1;
      // sebuf:lint:ignore FIELD_LOWER_SNAKE_CASE
      string ownerName = 2;
    }

    """

  func lint(_ dir: URL, _ args: [String] = []) throws -> (Int32, String, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: LintOracleTests.sebuf)
    p.arguments = ["lint"] + args
    p.currentDirectoryURL = dir
    let out = dir.appendingPathComponent(".out")
    let err = dir.appendingPathComponent(".err")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let o = try FileHandle(forWritingTo: out)
    let e = try FileHandle(forWritingTo: err)
    p.standardOutput = o
    p.standardError = e
    try p.run()
    p.waitUntilExit()
    try o.close()
    try e.close()
    return (
      p.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8)
    )
  }

  @Test func findingsAndExitCodes() throws {
    let dir = try workspace([
      "sebuf.yaml": "version: v1\nmodules:\n  - path: proto\n",
      "proto/acme/v1/pet.proto": Self.pet,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (code, out, _) = try lint(dir)
    #expect(code == 100)
    #expect(
      out
        == "proto/acme/v1/pet.proto:6:10:Field name \"displayName\" should be lower_snake_case, such as \"display_name\".\n"
    )
    let (_, withIDs, _) = try lint(dir, ["--show-rule-ids"])
    #expect(withIDs.hasSuffix(" (FIELD_LOWER_SNAKE_CASE)\n"))
    let (_, yaml, _) = try lint(dir, ["--error-format", "config-ignore-yaml"])
    #expect(
      yaml == "version: v1\nlint:\n  ignore_only:\n    FIELD_LOWER_SNAKE_CASE:\n      - proto/acme/v1/pet.proto\n")
  }

  @Test func warnDoesNotFail() throws {
    let dir = try workspace([
      "sebuf.yaml": "version: v1\nmodules:\n  - path: proto\nlint:\n  warn: [field-lower-snake-case]\n",
      "proto/acme/v1/pet.proto": Self.pet,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (code, out, _) = try lint(dir)
    #expect(code == 0)
    #expect(out.contains("warning: Field name \"displayName\""))
  }

  @Test func unknownRuleIsAConfigError() throws {
    let dir = try workspace([
      "sebuf.yaml":
        "version: v1\nmodules:\n  - path: proto\nlint:\n  use: [STANDARD]\n  except: [FIELD_LOWER_SNAKE_CAES]\n",
      "proto/acme/v1/pet.proto": Self.pet,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (code, out, err) = try lint(dir)
    #expect(code == 1)
    #expect(out.isEmpty)
    #expect(err.contains("sebuf.yaml:6:"))
    #expect(
      err.contains(
        "\"FIELD_LOWER_SNAKE_CAES\" is not a known lint rule or category ID; did you mean \"FIELD_LOWER_SNAKE_CASE\"?"))
  }

  @Test func pathLimitsFilesAndCleanRunIsZero() throws {
    let dir = try workspace([
      "sebuf.yaml": "version: v1\nmodules:\n  - path: proto\n",
      "proto/acme/v1/pet.proto": Self.pet,
      "proto/acme/v2/ok.proto": "syntax = \"proto3\";\n\npackage acme.v2;\n\nmessage Ok {}\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (code, out, _) = try lint(dir, ["--path", "proto/acme/v2"])
    #expect(code == 0)
    #expect(out.isEmpty)
  }

  @Test func compileErrorExitsOne() throws {
    let dir = try workspace(["a.proto": "syntax = \"proto3\";\nmessage A {\n  string a = 1\n}\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (code, out, err) = try lint(dir)
    #expect(code == 1)
    #expect(out.isEmpty)
    #expect(err == "a.proto:4:1:Expected \";\".\n")
  }

  @Test func listRules() throws {
    let dir = try workspace(["sebuf.yaml": "version: v1\nlint:\n  use: [HTTP]\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (code, out, _) = try lint(dir, ["--list-rules"])
    #expect(code == 0)
    let lines = out.split(separator: "\n")
    #expect(lines.count == 19)  // header + 18 HTTP rules
    #expect(lines.contains { $0.hasPrefix("STREAM_METHODS_MUST_USE_GET ") })
    let (_, all, _) = try lint(dir, ["--list-rules", "--all", "--error-format", "json"])
    #expect(all.split(separator: "\n").count == 64)
    #expect(all.contains("{\"id\":\"IMPORT_NO_WEAK\",\"categories\":[],\"default\":false,"))
  }
}
