import Foundation
import Testing

/// `stats`, `export`, `config ls-modules`, and `breaking --against-config` /
/// `--limit-to-input-files`: the buf commands and flags a buf user types.
@Suite struct BufCommandTests {
  /// Two modules (one named), a nested message and enum, a map, an extension, deprecations,
  /// and an import of a well-known type.
  static func workspace() -> Scratch {
    let s = Scratch()
    s.write(
      "buf.yaml", "version: v2\nmodules:\n  - path: proto\n    name: buf.build/acme/a\n  - path: other\n")
    s.write(
      "proto/a/v1/a.proto",
      """
      syntax = "proto2";
      package a.v1;
      import "google/protobuf/timestamp.proto";
      message A {
        extensions 10 to 20;
        optional string x = 1;
        optional google.protobuf.Timestamp t = 2;
        map<string, int32> m = 3;
        message N { option deprecated = true; optional int32 y = 1; }
        enum E { E_UNSPECIFIED = 0; E_X = 1; }
      }
      extend A { optional int32 e = 10; }
      enum F { option deprecated = true; F_UNSPECIFIED = 0; }
      service S {
        rpc Get(A) returns (A);
        rpc Old(A) returns (A) { option deprecated = true; }
      }

      """)
    s.write(
      "other/b/v1/b.proto",
      "syntax = \"proto3\";\npackage b.v1;\nimport \"a/v1/a.proto\";\nmessage B { a.v1.A a = 1; }\n")
    return s
  }

  @Test func statsCountsLikeBuf() throws {
    let s = Self.workspace()
    defer { s.remove() }
    let text = try CLI.run(["stats"], in: s.path)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(
      text.stdout == """
        Files:               2
        Types:               7
        Packages:            2
        Messages:            3
        Deprecated Messages: 1
        Fields:              5
        Enums:               2
        Deprecated Enums:    1
        Enum Values:         3
        Services:            1
        RPCs:                2
        Deprecated RPCs:     1
        Extensions:          1

        """)
    let json = try CLI.run(["stats", "--format", "json", "--path", "other"], in: s.path)
    #expect(
      json.stdout
        == "{\"files\":1,\"types\":1,\"packages\":1,\"messages\":1,\"deprecated_messages\":0,\"fields\":1,\"enums\":0,\"deprecated_enums\":0,\"evalues\":0,\"services\":0,\"rpcs\":0,\"deprecated_rpcs\":0,\"extensions\":0}\n"
    )
    let empty = Scratch()
    defer { empty.remove() }
    #expect(try CLI.run(["stats"], in: empty.path).status == 1)
  }

  @Test func configLsModulesListsPathsNamesOrJSON() throws {
    let s = Self.workspace()
    defer { s.remove() }
    #expect(try CLI.run(["config", "ls-modules"], in: s.path).stdout == "other\nproto\n")
    #expect(try CLI.run(["config", "ls-modules", "--format", "name"], in: s.path).stdout == "buf.build/acme/a\n")
    #expect(
      try CLI.run(["config", "ls-modules", "--format", "json"], in: s.path).stdout
        == "{\"path\":\"other\"}\n{\"path\":\"proto\",\"name\":\"buf.build/acme/a\"}\n")
    let bad = try CLI.run(["config", "ls-modules", "--format", "yaml"], in: s.path)
    #expect(bad.status == 64)
  }

  @Test func exportCopiesFilesAndTheirImportsByImportPath() throws {
    let s = Self.workspace()
    defer { s.remove() }
    let all = try CLI.run(["export", "-o", "out"], in: s.path)
    #expect(all.status == 0, "\(all.stderr)")
    #expect(s.read("out/a/v1/a.proto") == s.read("proto/a/v1/a.proto"))
    #expect(s.read("out/b/v1/b.proto") == s.read("other/b/v1/b.proto"))
    #expect(!s.exists("out/google"))
    // An import comes along with --path; --exclude-imports leaves it out.
    #expect(try CLI.run(["export", "-o", "one", "--path", "other"], in: s.path).status == 0)
    #expect(s.exists("one/a/v1/a.proto") && s.exists("one/b/v1/b.proto"))
    #expect(try CLI.run(["export", "-o", "own", "--path", "other", "--exclude-imports"], in: s.path).status == 0)
    #expect(!s.exists("own/a/v1/a.proto") && s.exists("own/b/v1/b.proto"))
    let missing = try CLI.run(["export"], in: s.path)
    #expect(missing.status == 64)
    #expect(missing.stderr.hasPrefix("Error: Missing expected argument '--output <dir>'"))
  }

  @Test func limitToInputFilesIgnoresFilesTheInputDoesNotHave() throws {
    let s = Self.workspace()
    defer { s.remove() }
    let old = Self.workspace()
    defer { old.remove() }
    old.write("other/c/v1/c.proto", "syntax = \"proto3\";\npackage c.v1;\nmessage C {}\n")
    let all = try CLI.run(["breaking", "--against", old.path], in: s.path)
    #expect(all.status == 100)
    #expect(all.stdout.contains("Previously present file \"c/v1/c.proto\" was deleted."))
    let limited = try CLI.run(["breaking", "--against", old.path, "--limit-to-input-files"], in: s.path)
    #expect(limited.status == 0, "\(limited.stdout)\(limited.stderr)")
  }

  @Test func againstConfigReadsTheAgainstSideWithItsOwnLayout() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("buf.yaml", "version: v2\nmodules:\n  - path: proto\n")
    s.write("proto/a/v1/a.proto", "syntax = \"proto3\";\npackage a.v1;\nmessage A { string x = 1; }\n")
    // The old version kept its files in src/.
    let old = Scratch()
    defer { old.remove() }
    old.write("src/a/v1/a.proto", "syntax = \"proto3\";\npackage a.v1;\nmessage A { string x = 1; int32 y = 2; }\n")
    s.write("old.yaml", "version: v2\nmodules:\n  - path: src\n")
    s.write("src/README.md", "")
    let r = try CLI.run(["breaking", "--against", old.path, "--against-config", "old.yaml"], in: s.path)
    #expect(r.status == 100, "\(r.stderr)")
    #expect(r.stdout.contains("Previously present field \"2\" with name \"y\" on message \"A\" was deleted."))
    let bad = try CLI.run(["breaking", "--against", old.path, "--against-config", "nope.yaml"], in: s.path)
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("nope.yaml"))
  }
}
