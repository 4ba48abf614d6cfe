// `sebuf breaking` end to end on real git repositories: the --against forms, the errors a
// CI run meets (shallow clone, missing branch, unknown ref, bad image), comment ignores,
// config ignores, output formats and exit codes.
import Foundation
import TestSupport
import Testing

@Suite("sebuf breaking CLI")
struct BreakingCLITests {
  static let v1 = """
    syntax = "proto3";

    package acme.pet.v1;

    message Pet {
      string id = 1;
      int32 age = 2;
      string name = 3;
    }

    """

  /// A repository with two commits on main (v1, then `current`) and a tag on v1.
  func repo(current: String, config: String? = nil, extra: [String: String] = [:]) throws -> URL {
    let repo = try BreakingSupport.tempDir("cli")
    try BreakingSupport.git(["init", "-q", "-b", "main"], in: repo)
    if let config { try config.write(to: repo.appendingPathComponent("sebuf.yaml"), atomically: true, encoding: .utf8) }
    try BreakingSupport.commit(["acme/pet/v1/pet.proto": Self.v1].merging(extra) { a, _ in a }, in: repo, message: "v1")
    try BreakingSupport.git(["tag", "v1.0.0"], in: repo)
    try BreakingSupport.commit(["acme/pet/v1/pet.proto": current].merging(extra) { a, _ in a }, in: repo, message: "v2")
    return repo
  }

  static let config = """
    version: v1
    modules:
      - path: proto
    breaking:
      use: [FILE, HTTP]

    """

  func sebuf(_ args: [String], in dir: URL) throws -> (Int32, String, String) {
    let (code, out, err) = try BreakingSupport.run([try BreakingSupport.sebufBinary(), "breaking"] + args, cwd: dir)
    return (code, String(decoding: out, as: UTF8.self), err)
  }

  @Test(.oracle("git")) func everyAgainstFormFindsTheSameBreak() throws {
    try OracleTools.require(["git"])
    let changed = Self.v1.replacingOccurrences(of: "int32 age = 2;", with: "string age = 2;")
    let repo = try repo(current: changed, config: Self.config)
    defer { try? FileManager.default.removeItem(at: repo) }
    let want =
      "proto/acme/pet/v1/pet.proto:7:3:Field \"2\" with name \"age\" on message \"Pet\" changed type from \"int32\" to \"string\".\n"
    for against in [".git#ref=HEAD~1", ".git#tag=v1.0.0", ".git#ref=v1.0.0,subdir=."] {
      let (code, out, err) = try sebuf(["--against", against], in: repo)
      #expect(code == 100, "\(against): \(err)")
      #expect(out == want, "\(against)")
    }
    // The working tree, index and HEAD are untouched.
    #expect(try BreakingSupport.git(["status", "--porcelain"], in: repo).isEmpty)
    #expect(try BreakingSupport.git(["rev-parse", "--abbrev-ref", "HEAD"], in: repo) == "main\n")

    // A directory and an image (written by protoc) as --against.
    let old = try BreakingSupport.tempDir("old")
    defer { try? FileManager.default.removeItem(at: old) }
    try BreakingSupport.extract(repo: repo, commit: "v1.0.0", to: old)
    var (code, out, _) = try sebuf(["--against", old.path], in: repo)
    #expect(code == 100 && out == want)
    let image = old.appendingPathComponent("old.binpb").path
    let (pc, _, perr) = try BreakingSupport.run(
      [
        "protoc", "-I", old.appendingPathComponent("proto").path, "--include_source_info", "-o", image,
        "acme/pet/v1/pet.proto",
      ])
    try #require(pc == 0, "\(perr)")
    (code, out, _) = try sebuf(["--against", image], in: repo)
    #expect(code == 100)
    #expect(
      out.hasSuffix("Field \"2\" with name \"age\" on message \"Pet\" changed type from \"int32\" to \"string\".\n"))

    // Formats: json in buf's shape, msvs with the rule id; no change → exit 0.
    (code, out, _) = try sebuf(["--against", ".git#ref=HEAD~1", "--error-format", "json"], in: repo)
    #expect(out.contains(#""path":"proto/acme/pet/v1/pet.proto","start_line":7,"start_column":3"#))
    #expect(out.contains(#""type":"FIELD_SAME_TYPE""#))
    (code, out, _) = try sebuf(["--against", ".git#ref=HEAD~1", "--error-format", "msvs"], in: repo)
    #expect(out.hasPrefix("proto/acme/pet/v1/pet.proto(7,3) : error FIELD_SAME_TYPE : "))
    (code, out, _) = try sebuf(["--against", ".git#ref=HEAD"], in: repo)
    #expect(code == 0 && out.isEmpty)
  }

  @Test(.oracle("git")) func gitProblemsSayWhatToDo() throws {
    try OracleTools.require(["git"])
    let repo = try repo(
      current: Self.v1.replacingOccurrences(of: "  string name = 3;\n", with: ""), config: Self.config)
    defer { try? FileManager.default.removeItem(at: repo) }

    var (code, _, err) = try sebuf(["--against", ".git#branch=develop"], in: repo)
    #expect(code == 1)
    #expect(
      err.contains("branch \"develop\" was not found")
        && err.contains("git fetch origin +refs/heads/develop:refs/remotes/origin/develop"))

    (code, _, err) = try sebuf(["--against", ".git#ref=nosuchref"], in: repo)
    #expect(code == 1 && err.contains("unknown revision \"nosuchref\""))

    (code, _, err) = try sebuf(["--against", ".git#tag=v9"], in: repo)
    #expect(code == 1 && err.contains("git fetch --tags"))

    (code, _, err) = try sebuf(["--against", "/nonexistent/.git#branch=main"], in: repo)
    #expect(code == 1 && err.contains("no git repository at /nonexistent/.git"))

    let bad = repo.appendingPathComponent("bad.binpb")
    try Data("not an image".utf8).write(to: bad)
    (code, _, err) = try sebuf(["--against", bad.path], in: repo)
    #expect(code == 1 && err.contains("is not a binary image"))

    // A CI checkout: a shallow single-branch clone of a feature branch.
    let origin = repo
    try BreakingSupport.git(["checkout", "-q", "-b", "feature"], in: origin)
    let clone = try BreakingSupport.tempDir("clone")
    defer { try? FileManager.default.removeItem(at: clone) }
    try FileManager.default.removeItem(at: clone)
    try BreakingSupport.run([
      "git", "clone", "-q", "--depth", "1", "--branch", "feature", "file://\(origin.path)", clone.path,
    ])
    (code, _, err) = try sebuf(["--against", ".git#ref=HEAD~1"], in: clone)
    #expect(code == 1 && err.contains("shallow clone") && err.contains("git fetch --deepen"))
    (code, _, err) = try sebuf(["--against", ".git#branch=main"], in: clone)
    #expect(code == 1 && err.contains("origin/main") && err.contains("fetch-depth: 0"))
    // After fetching main, `origin/main` works.
    try BreakingSupport.git(["fetch", "-q", "origin", "+refs/heads/main:refs/remotes/origin/main"], in: clone)
    (code, _, err) = try sebuf(["--against", ".git#branch=main"], in: clone)
    #expect(code == 1 && err.contains("--against '.git#branch=origin/main'"))
    var out: String
    (code, out, err) = try sebuf(["--against", ".git#branch=origin/main"], in: clone)
    #expect(code == 0 && out.isEmpty, "\(err)")
  }

  @Test(.oracle("git")) func commentAndConfigIgnores() throws {
    try OracleTools.require(["git"])
    // Two breaks: age's type (accepted with a comment) and a deleted field (reported).
    let current = """
      syntax = "proto3";

      package acme.pet.v1;

      message Pet {
        string id = 1;
        // sebuf:breaking:ignore FIELD_SAME_TYPE every client ships with v2
        string age = 2;
      }

      """
    let repo = try repo(current: current, config: Self.config)
    defer { try? FileManager.default.removeItem(at: repo) }
    var (code, out, _) = try sebuf(["--against", ".git#ref=HEAD~1"], in: repo)
    #expect(code == 100)
    #expect(
      out
        == "proto/acme/pet/v1/pet.proto:5:1:Previously present field \"3\" with name \"name\" on message \"Pet\" was deleted.\n"
    )

    // allow_comment_ignores: false brings the type change back.
    try (Self.config + "  allow_comment_ignores: false\n").write(
      to: repo.appendingPathComponent("sebuf.yaml"), atomically: true, encoding: .utf8)
    (code, out, _) = try sebuf(["--against", ".git#ref=HEAD~1", "--show-rule-ids"], in: repo)
    #expect(out.contains("(FIELD_SAME_TYPE)") && out.contains("(FIELD_NO_DELETE)"))

    // ignore_only for one rule, ignore for a path, except for a rule.
    try (Self.config + "  ignore_only:\n    FIELD_NO_DELETE: [proto/acme/pet]\n  allow_comment_ignores: false\n").write(
      to: repo.appendingPathComponent("sebuf.yaml"), atomically: true, encoding: .utf8)
    (code, out, _) = try sebuf(["--against", ".git#ref=HEAD~1", "--show-rule-ids"], in: repo)
    #expect(code == 100 && out.contains("(FIELD_SAME_TYPE)") && !out.contains("FIELD_NO_DELETE"))
    try (Self.config + "  ignore: [proto/acme]\n").write(
      to: repo.appendingPathComponent("sebuf.yaml"), atomically: true, encoding: .utf8)
    (code, out, _) = try sebuf(["--against", ".git#ref=HEAD~1"], in: repo)
    #expect(code == 0 && out.isEmpty)
  }

  @Test(.oracle("git")) func unstablePackagesAreSkippedWhenAsked() throws {
    try OracleTools.require(["git"])
    let beta =
      "syntax = \"proto3\";\n\npackage acme.pet.v1beta1;\n\nmessage Draft {\n  string id = 1;\n  string x = 2;\n}\n"
    let repo = try BreakingSupport.tempDir("unstable")
    defer { try? FileManager.default.removeItem(at: repo) }
    try BreakingSupport.git(["init", "-q", "-b", "main"], in: repo)
    try (Self.config + "  ignore_unstable_packages: true\n").write(
      to: repo.appendingPathComponent("sebuf.yaml"), atomically: true, encoding: .utf8)
    try BreakingSupport.commit(
      ["acme/pet/v1/pet.proto": Self.v1, "acme/pet/v1beta1/d.proto": beta], in: repo, message: "v1")
    try BreakingSupport.commit(
      [
        "acme/pet/v1/pet.proto": Self.v1.replacingOccurrences(of: "  string name = 3;\n", with: ""),
        "acme/pet/v1beta1/d.proto": beta.replacingOccurrences(of: "  string x = 2;\n", with: ""),
      ], in: repo, message: "v2")
    let (code, out, _) = try sebuf(["--against", ".git#ref=HEAD~1"], in: repo)
    #expect(code == 100)
    #expect(out.contains("acme/pet/v1/pet.proto") && !out.contains("v1beta1"))
  }
}
