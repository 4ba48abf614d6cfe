import Foundation
import Testing

/// `generate --template FILE` and `generate --exclude-path`: both run only part of what a
/// plain `sebuf generate` runs, so neither may remove (or rewrite) the outputs of the rest.
@Suite struct GenerateTemplateTests {
  /// A workspace generating OpenAPI into docs/ from two services in two directories.
  static func workspace() -> Scratch {
    let s = Scratch()
    s.write("sebuf.yaml", "version: v1\nmodules:\n  - path: proto\ngenerate:\n  - backend: openapi\n    out: docs\n")
    s.write(
      "proto/a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nservice AService { rpc Get(A) returns (A); }\nmessage A { string x = 1; }\n"
    )
    s.write(
      "proto/b/v1/b.proto",
      "syntax = \"proto3\";\npackage b.v1;\nservice BService { rpc Get(B) returns (B); }\nmessage B { string y = 1; }\n"
    )
    return s
  }

  @Test func aTemplateRunAndAPlainRunKeepEachOthersOutputs() throws {
    let s = Self.workspace()
    defer { s.remove() }
    s.write("gen.json.yaml", "version: v1\ngenerate:\n  - backend: openapi\n    out: api\n    opt: { format: json }\n")
    let plain = try CLI.run(["generate"], in: s.path)
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(s.exists("docs/AService.openapi.yaml"))

    let template = try CLI.run(["generate", "--template", "gen.json.yaml"], in: s.path)
    #expect(template.status == 0, "\(template.stderr)")
    #expect(template.stderr.contains("wrote 2, unchanged 0, removed 0"))
    #expect(s.exists("api/AService.openapi.json") && s.exists("api/BService.openapi.json"))
    // The template did not take the workspace's entry as removed.
    #expect(s.exists("docs/AService.openapi.yaml") && s.exists("docs/BService.openapi.yaml"))

    // Nor does the workspace's run take the template's entry as removed.
    let again = try CLI.run(["generate"], in: s.path)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("removed 0"), "\(again.stderr)")
    #expect(s.exists("api/AService.openapi.json") && s.exists("api/BService.openapi.json"))
    let plan = try CLI.run(["plan"], in: s.path)
    #expect(!plan.stdout.contains("entries removed"), "\(plan.stdout)")

    // Each config still cleans up its own stale files.
    try FileManager.default.removeItem(atPath: s.path + "/proto/b/v1/b.proto")
    let shrunk = try CLI.run(["generate", "--template", "gen.json.yaml"], in: s.path)
    #expect(shrunk.status == 0, "\(shrunk.stderr)")
    #expect(!s.exists("api/BService.openapi.json") && s.exists("api/AService.openapi.json"))
    #expect(s.exists("docs/BService.openapi.yaml"))
    _ = try CLI.run(["generate"], in: s.path)
    #expect(!s.exists("docs/BService.openapi.yaml"))
    #expect(s.exists("api/AService.openapi.json"))
  }

  @Test func anEntryRemovedFromATemplateIsCleanedByThatTemplateOnly() throws {
    let s = Self.workspace()
    defer { s.remove() }
    s.write(
      "t.yaml",
      "version: v1\ngenerate:\n  - backend: openapi\n    out: api\n  - backend: openapi\n    name: more\n    out: more\n"
    )
    #expect(try CLI.run(["generate", "--template", "t.yaml"], in: s.path).status == 0)
    #expect(s.exists("more/AService.openapi.yaml"))
    s.write("t.yaml", "version: v1\ngenerate:\n  - backend: openapi\n    out: api\n")
    // The workspace's own run leaves the template's records alone, removed entry or not.
    #expect(try CLI.run(["generate"], in: s.path).status == 0)
    #expect(s.exists("more/AService.openapi.yaml"))
    let r = try CLI.run(["generate", "--template", "t.yaml"], in: s.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!s.exists("more/AService.openapi.yaml") && s.exists("api/AService.openapi.yaml"))
    #expect(s.exists("docs/AService.openapi.yaml"))
  }

  @Test func aBufGenYAMLTemplateMapsItsPluginsLikeBufGenYAML() throws {
    let s = Self.workspace()
    defer { s.remove() }
    s.write(
      "buf.gen.docs.yaml",
      "version: v2\nplugins:\n  - local: protoc-gen-openapiv3\n    out: gen/openapi\ninputs:\n  - directory: proto\n")
    let r = try CLI.run(["generate", "--template", "buf.gen.docs.yaml"], in: s.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(s.exists("gen/openapi/AService.openapi.yaml"))
    // The manifest names the template that produced the job.
    let manifest = s.read(".sebuf/manifest.json") ?? ""
    #expect(manifest.contains("\"config\" : \"buf.gen.docs.yaml\""))
    #expect(manifest.contains("\"buf.gen.docs.yaml: openapi → gen/openapi\""))
  }

  @Test func aBadTemplateFailsWithItsLineAndWritesNothing() throws {
    let s = Self.workspace()
    defer { s.remove() }
    let missing = try CLI.run(["generate", "--template", "nope.yaml"], in: s.path)
    #expect(missing.status == 1)
    #expect(missing.stderr.hasPrefix("template \"nope.yaml\" does not exist"))
    s.write("t.yaml", "version: v1\nmodules:\n  - path: other\ngenerate: []\n")
    let extra = try CLI.run(["generate", "--template", "t.yaml"], in: s.path)
    #expect(extra.status == 1)
    #expect(extra.stderr.hasPrefix("t.yaml:2:1:"), "\(extra.stderr)")
    s.write("t.yaml", "version: v2\nplugins:\n  - local: protoc-gen-openapiv3\n")
    let noOut = try CLI.run(["generate", "--template", "t.yaml"], in: s.path)
    #expect(noOut.status == 1)
    #expect(noOut.stderr.hasPrefix("t.yaml:3:"), "\(noOut.stderr)")
    #expect(!s.exists(".sebuf") && !s.exists("docs"))
  }

  @Test func excludedFilesKeepTheirOutputsUntouched() throws {
    let s = Self.workspace()
    defer { s.remove() }
    #expect(try CLI.run(["generate"], in: s.path).status == 0)
    let bBefore = s.read("docs/BService.openapi.yaml") ?? ""
    #expect(!bBefore.isEmpty)
    // Change both services; generate with b excluded.
    s.write(
      "proto/a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nservice AService { rpc Get(A) returns (A); }\nmessage A { string x = 1; string z = 2; }\n"
    )
    s.write(
      "proto/b/v1/b.proto",
      "syntax = \"proto3\";\npackage b.v1;\nservice BService { rpc Get(B) returns (B); }\nmessage B { string y = 1; string w = 2; }\n"
    )
    let r = try CLI.run(["generate", "--exclude-path", "proto/b"], in: s.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("wrote 1, unchanged 0, removed 0"), "\(r.stderr)")
    #expect(s.read("docs/AService.openapi.yaml")?.contains("z:") == true)
    // Neither removed nor rewritten.
    #expect(s.read("docs/BService.openapi.yaml") == bBefore)
    // Relative to the current directory, and the next full run catches up.
    let inside = try CLI.run(["plan", "..", "--exclude-path", "b"], in: s.path + "/proto")
    #expect(inside.status == 0, "\(inside.stderr)")
    #expect(!inside.stdout.contains("BService") && !inside.stdout.contains("stale"), "\(inside.stdout)")
    #expect(try CLI.run(["generate"], in: s.path).status == 0)
    #expect(s.read("docs/BService.openapi.yaml")?.contains("w:") == true)
  }

  @Test func anExcludedFileImportedByATargetIsStillNotGenerated() throws {
    let s = Self.workspace()
    defer { s.remove() }
    s.write(
      "proto/a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nimport \"b/v1/b.proto\";\nservice AService { rpc Get(b.v1.B) returns (b.v1.B); }\n"
    )
    let r = try CLI.run(["generate", "--exclude-path", "proto/b", "--include-imports"], in: s.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(s.exists("docs/AService.openapi.yaml") && !s.exists("docs/BService.openapi.yaml"))
    let outside = try CLI.run(["generate", "--exclude-path", "/tmp"], in: s.path)
    #expect(outside.status == 1)
    #expect(outside.stderr.hasPrefix("--exclude-path /tmp is outside the workspace"))
  }
}
