import Foundation
import Testing

/// `sebuf format` through the binary: stdout, -w (only changed files), -d/--exit-code,
/// -o, --path/--exclude-path, stdin, and refusal of files that do not parse.
@Suite struct FormatCommandTests {
  static let messy = "syntax=\"proto3\";\npackage acme.v1;\nmessage A{string s=1;}\n"
  static let tidy = "syntax = \"proto3\";\npackage acme.v1;\nmessage A {\n  string s = 1;\n}\n"
  static let clean = "syntax = \"proto3\";\n\npackage acme.v1;\n\nmessage B {\n  string s = 1;\n}\n"

  func workspace() -> Scratch {
    let s = Scratch()
    s.write("sebuf.yaml", "version: v1\nmodules:\n  - path: proto\n    excludes: [proto/legacy]\n")
    s.write("proto/acme/v1/a.proto", Self.messy)
    s.write("proto/acme/v1/b.proto", Self.clean)
    s.write("proto/legacy/old.proto", "syntax=\"proto3\";\n")
    return s
  }

  func read(_ s: Scratch, _ rel: String) -> String {
    (try? String(contentsOfFile: s.path + "/" + rel, encoding: .utf8)) ?? ""
  }

  @Test func printsModuleFilesToStdout() throws {
    let s = workspace()
    defer { s.remove() }
    let r = try CLI.run(["format"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stdout == Self.tidy + Self.clean)
    #expect(read(s, "proto/acme/v1/a.proto") == Self.messy)
  }

  @Test func diffAndExitCode() throws {
    let s = workspace()
    defer { s.remove() }
    let r = try CLI.run(["format", "-d", "--exit-code"], in: s.path)
    #expect(r.status == 100)
    #expect(
      r.stdout.hasPrefix("diff -u proto/acme/v1/a.proto.orig proto/acme/v1/a.proto\n--- proto/acme/v1/a.proto.orig\n"))
    #expect(r.stdout.contains("-message A{string s=1;}\n+message A {\n"))
    #expect(!r.stdout.contains("b.proto"))
  }

  @Test func writeRewritesOnlyWhatChanges() throws {
    let s = workspace()
    defer { s.remove() }
    let bPath = s.path + "/proto/acme/v1/b.proto"
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1000)], ofItemAtPath: bPath)
    let r = try CLI.run(["format", "-w", "--exit-code"], in: s.path)
    #expect(r.status == 100)
    #expect(r.stdout == "")
    #expect(read(s, "proto/acme/v1/a.proto") == Self.tidy)
    let mtime = try FileManager.default.attributesOfItem(atPath: bPath)[.modificationDate] as? Date
    #expect(mtime == Date(timeIntervalSince1970: 1000))
    #expect(read(s, "proto/legacy/old.proto") == "syntax=\"proto3\";\n")
    let again = try CLI.run(["format", "-d", "--exit-code"], in: s.path)
    #expect(again.status == 0)
    #expect(again.stdout == "")
  }

  @Test func pathExcludePathAndOutputDirectory() throws {
    let s = workspace()
    defer { s.remove() }
    let r = try CLI.run(["format", "--path", "proto/acme", "--exclude-path", "proto/acme/v1/b.proto"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stdout == Self.tidy)
    let o = try CLI.run(["format", "-o", "out"], in: s.path)
    #expect(o.status == 0)
    #expect(read(s, "out/proto/acme/v1/a.proto") == Self.tidy)
    #expect(read(s, "out/proto/acme/v1/b.proto") == Self.clean)
  }

  @Test func stdinWithAName() throws {
    let s = workspace()
    defer { s.remove() }
    let r = try CLI.runTool(
      "/bin/sh",
      [
        "-c",
        "printf 'syntax=\"proto3\";\\nmessage M{int32 a=1}\\n' | '\(CLI.binary)' format - --stdin-filepath x/m.proto",
      ],
      in: s.path)
    #expect(r.status == 1)
    #expect(r.stderr.contains("x/m.proto:2:20:"))
  }

  @Test func aFileThatDoesNotParseIsNeverRewritten() throws {
    let s = workspace()
    defer { s.remove() }
    let broken = "syntax=\"proto3\";\nmessage X{int32 a=1}\n"
    s.write("proto/acme/v1/c.proto", broken)
    let r = try CLI.run(["format", "-w"], in: s.path)
    #expect(r.status == 1)
    #expect(r.stderr.contains("proto/acme/v1/c.proto:2:20:"))
    #expect(read(s, "proto/acme/v1/c.proto") == broken)
    #expect(read(s, "proto/acme/v1/a.proto") == Self.tidy)
  }
}
