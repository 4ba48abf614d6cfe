import Testing

/// `sebuf generate` misuse that must explain itself rather than print an empty summary.
@Suite struct GenerateCommandTests {
  @Test func saysWhenThereIsNothingToGenerate() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("a.proto", "syntax = \"proto3\";\npackage a;\n")
    let bare = try CLI.run(["generate"], in: s.path)
    #expect(bare.status == 0)
    #expect(bare.stdout == "")
    #expect(bare.stderr.hasPrefix("nothing to generate: no sebuf.yaml here or above; run `sebuf init`"))

    s.write("sebuf.yaml", "version: v1\n")
    let empty = try CLI.run(["generate"], in: s.path)
    #expect(empty.status == 0)
    #expect(empty.stderr.hasPrefix("nothing to generate: sebuf.yaml has no `generate:` entries; add one"))
    // Nothing was written: no manifest, no lock.
    #expect(!s.exists(".sebuf"))
  }

  /// A first run that fails at compile time has taken the lock: the `.sebuf/` it created
  /// carries its `.gitignore`, so it never shows up as untracked.
  /// `\,` in an option string is a comma inside the value, end to end (buf.gen.yaml → backend).
  @Test func escapedCommaReachesTheBackend() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("a.proto", "syntax = \"proto3\";\npackage a;\nmessage M {}\nservice S { rpc Do(M) returns (M); }\n")
    s.write("buf.yaml", "version: v2\n")
    s.write(
      "buf.gen.yaml",
      #"""
      version: v2
      plugins:
        - local: protoc-gen-openapiv3
          out: docs
          strategy: all
          opt: format=json,bundle_only=true,bundle_description=Users\, orders and more
      """# + "\n")
    let r = try CLI.run(["generate"], in: s.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(s.read("docs/openapi.json")?.contains(#""description":"Users, orders and more""#) == true)
  }

  @Test func aFailedFirstRunLeavesAnIgnoredCache() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("a.proto", "syntax = \"proto3\";\npackage a;\nmessage A { int32 x = ; }\n")
    s.write("sebuf.yaml", "version: v1\ngenerate:\n  - { backend: openapi, out: gen }\n")
    let r = try CLI.run(["generate"], in: s.path)
    #expect(r.status == 1)
    #expect(r.stderr.contains("a.proto:3:"))
    #expect(s.read(".sebuf/.gitignore")?.contains("*") == true)
  }
}
