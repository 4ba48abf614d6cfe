import Foundation
import Testing

/// `-v`/`--debug` and `--timeout` on every command, and `--error-format
/// gitlab-code-quality` on lint and breaking.
@Suite struct RunFlagTests {
  static func workspace() -> Scratch {
    let s = Scratch()
    s.write("sebuf.yaml", "version: v1\nmodules:\n  - path: proto\ngenerate:\n  - backend: openapi\n    out: docs\n")
    s.write(
      "proto/a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nservice AService { rpc Get(GetRequest) returns (GetResponse); }\n"
        + "message GetRequest { string id = 1; }\nmessage GetResponse { string name = 1; }\n")
    return s
  }

  @Test(arguments: [
    ["build"], ["lint"], ["breaking", "--against", "."], ["format"], ["ls-files"], ["plan"], ["completion", "fish"],
  ])
  func debugSaysWhatRanOnStderrOnly(_ args: [String]) throws {
    let s = Self.workspace()
    defer { s.remove() }
    let quiet = try CLI.run(args, in: s.path, unset: ["SEBUF_TIMINGS"])
    let debug = try CLI.run(args + ["-v"], in: s.path, unset: ["SEBUF_TIMINGS"])
    #expect(debug.status == quiet.status, "\(args): \(debug.stderr)")
    // plan's stdout ends with its own time.
    if args[0] != "plan" { #expect(debug.stdout == quiet.stdout) }
    if args[0] == "plan" {
      #expect(debug.stderr.contains("sebuf timings:\n") && debug.stderr.contains("\n  compile: "))
    } else {
      #expect(debug.stderr.hasSuffix(" ms\n"), "\(args): \(debug.stderr)")
      #expect(debug.stderr.contains("sebuf: total: "), "\(args): \(debug.stderr)")
      if args[0] != "completion" && args[0] != "format" {
        #expect(debug.stderr.contains("sebuf: workspace \(s.path)") || debug.stderr.contains("(sebuf.yaml)"))
      }
    }
    #expect(!quiet.stderr.contains("sebuf: "))
  }

  @Test func initTakesDebugToo() throws {
    let s = Scratch()
    defer { s.remove() }
    let r = try CLI.run(["init", "--debug"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stdout == "Wrote sebuf.yaml.\n")
    #expect(r.stderr.contains("sebuf: write the starter: ") && r.stderr.contains("sebuf: total: "))
  }

  @Test func timeoutStopsAHungRunWithExit1AndWritesNothing() throws {
    let s = Self.workspace()
    defer { s.remove() }
    s.write("slow.sh", "#!/bin/sh\nexec sleep 30\n")
    chmod(s.path + "/slow.sh", 0o755)
    s.write("slow.yaml", "version: v1\ngenerate:\n  - plugin: ./slow.sh\n    out: gen/slow\n")
    let start = Date()
    let r = try CLI.run(["generate", "--template", "slow.yaml", "--timeout", "1s"], in: s.path)
    #expect(Date().timeIntervalSince(start) < 10)
    #expect(r.status == 1)
    #expect(r.stderr == "timed out after 1s (--timeout); generate did not finish\n")
    #expect(!s.exists("gen"))
    // A generous deadline, or 0 (none), changes nothing.
    let ok = try CLI.run(["lint", "--timeout", "1m30s"], in: s.path)
    #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
    #expect(try CLI.run(["build", "--timeout", "0"], in: s.path).status == 0)
  }

  @Test(arguments: ["5", "1x", "s", "1h2", ""])
  func aTimeoutNeedsGoDurationSyntax(_ value: String) throws {
    let r = try CLI.run(["lint", "--timeout", value])
    #expect(r.status == 64)
    #expect(r.stderr.hasPrefix("Error: The value '\(value)' is invalid for '--timeout <duration>'"))
  }

  @Test func lintWritesAGitLabCodeQualityReport() throws {
    let s = Self.workspace()
    defer { s.remove() }
    let clean = try CLI.run(["lint", "--error-format", "gitlab-code-quality"], in: s.path)
    #expect(clean.status == 0)
    #expect(clean.stdout == "[]\n")
    s.write(
      "proto/a/v1/b.proto", "syntax = \"proto3\";\npackage a.v1;\nmessage B {\n  string BadName = 1;\n}\n")
    s.write("sebuf.yaml", "version: v1\nmodules:\n  - path: proto\nlint:\n  warn: [FIELD_LOWER_SNAKE_CASE]\n")
    let warned = try CLI.run(
      ["lint", "--error-format", "gitlab-code-quality", "--use", "FIELD_LOWER_SNAKE_CASE"], in: s.path)
    #expect(warned.status == 0)
    let issues = try #require(
      try JSONSerialization.jsonObject(with: Data(warned.stdout.utf8)) as? [[String: Any]])
    #expect(issues.count == 1)
    let issue = try #require(issues.first)
    #expect(
      issue["description"] as? String == "Field name \"BadName\" should be lower_snake_case, such as \"bad_name\".")
    #expect(issue["check_name"] as? String == "FIELD_LOWER_SNAKE_CASE")
    #expect(issue["severity"] as? String == "info")
    #expect((issue["fingerprint"] as? String)?.count == 32)
    let location = try #require(issue["location"] as? [String: Any])
    #expect(location["path"] as? String == "proto/a/v1/b.proto")
    #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 4)

    s.write("sebuf.yaml", "version: v1\nmodules:\n  - path: proto\n")
    let failed = try CLI.run(
      ["lint", "--error-format", "gitlab-code-quality", "--use", "FIELD_LOWER_SNAKE_CASE"], in: s.path)
    #expect(failed.status == 100)
    let again = try #require(try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [[String: Any]])
    #expect(again.first?["severity"] as? String == "minor")
    // The same finding keeps its fingerprint from run to run.
    #expect(again.first?["fingerprint"] as? String == issue["fingerprint"] as? String)
  }

  @Test func breakingWritesAGitLabCodeQualityReport() throws {
    let s = Self.workspace()
    defer { s.remove() }
    let old = Self.workspace()
    defer { old.remove() }
    old.write(
      "proto/a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nservice AService { rpc Get(GetRequest) returns (GetResponse); }\n"
        + "message GetRequest { string id = 1; }\nmessage GetResponse { string name = 1; int32 age = 2; }\n")
    let r = try CLI.run(["breaking", "--against", old.path, "--error-format", "gitlab-code-quality"], in: s.path)
    #expect(r.status == 100, "\(r.stderr)")
    let issues = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    #expect(issues.map { $0["check_name"] as? String } == ["FIELD_NO_DELETE"])
    let location = try #require(issues.first?["location"] as? [String: Any])
    #expect(location["path"] as? String == "proto/a/v1/a.proto")
    #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 5)
  }
}
