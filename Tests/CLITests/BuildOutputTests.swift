import Foundation
import Testing

/// `sebuf build -o` in every format buf writes, chosen by the file name or `#format=`.
@Suite struct BuildOutputTests {
  static func workspace() -> Scratch {
    let s = Scratch()
    s.write(
      "a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nmessage A {\n  string x = 1;\n  repeated B b = 2;\n}\nmessage B {}\n")
    return s
  }

  @Test func theExtensionChoosesTheFormat() throws {
    let s = Self.workspace()
    defer { s.remove() }
    for name in ["i.binpb", "i.json", "i.txtpb", "i.yaml", "i.out"] {
      let r = try CLI.run(["build", "--exclude-source-info", "-o", name], in: s.path)
      #expect(r.status == 0, "\(name): \(r.stderr)")
    }
    #expect(s.read("i.json")?.hasPrefix("{\"file\":[{\"name\":\"a/v1/a.proto\"") == true)
    #expect(s.read("i.txtpb")?.hasPrefix("file {\n  name: \"a/v1/a.proto\"\n  package: \"a.v1\"\n") == true)
    #expect(s.read("i.yaml")?.hasPrefix("file:\n  - name: \"a/v1/a.proto\"\n    package: \"a.v1\"\n") == true)
    // Any other name is binary, as in buf.
    let binary = try Data(contentsOf: URL(fileURLWithPath: s.path + "/i.binpb"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: s.path + "/i.out")) == binary)
    #expect(binary.first == 0x0A)
  }

  @Test func aFormatSuffixWins() throws {
    let s = Self.workspace()
    defer { s.remove() }
    let stdout = try CLI.run(["build", "--exclude-source-info", "-o", "-#format=json"], in: s.path)
    #expect(stdout.status == 0)
    #expect(stdout.stdout.hasPrefix("{\"file\":[{"))
    let file = try CLI.run(["build", "--exclude-source-info", "-o", "img.dat#format=yaml"], in: s.path)
    #expect(file.status == 0)
    #expect(s.read("img.dat")?.hasPrefix("file:\n") == true)
    #expect(!s.exists("img.dat#format=yaml"))
    let bad = try CLI.run(["build", "-o", "x#format=xml"], in: s.path)
    #expect(bad.status == 64)
    #expect(bad.stderr.hasPrefix("Error: -o x#format=xml: unknown format \"xml\"; use binpb, json, txtpb, yaml"))
    let option = try CLI.run(["build", "-o", "x#compression=gzip"], in: s.path)
    #expect(option.status == 64)
    #expect(option.stderr.hasPrefix("Error: -o x#compression=gzip: the only option after # is format="))
  }

  @Test func typeKeepsTheNamedTypesAndWhatTheyNeed() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write(
      "a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nimport \"google/protobuf/timestamp.proto\";\n"
        + "message A { B b = 1; message N { int32 y = 1; } }\nmessage B { google.protobuf.Timestamp t = 1; }\n"
        + "message C {}\nservice S { rpc Get(A) returns (C); rpc Put(B) returns (B); }\n")
    let r = try CLI.run(["build", "--type", "a.v1.S.Put", "--exclude-source-info", "-o", "t.txtpb"], in: s.path)
    #expect(r.status == 0, "\(r.stderr)")
    let text = s.read("t.txtpb") ?? ""
    #expect(text.contains("name: \"google/protobuf/timestamp.proto\""))
    #expect(text.contains("  message_type {\n    name: \"B\""))
    #expect(!text.contains("name: \"A\"") && !text.contains("name: \"C\"") && !text.contains("name: \"Get\""))
    #expect(text.contains("  service {\n    name: \"S\"\n    method {\n      name: \"Put\""))
    // A nested message keeps its parent as a shell.
    #expect(try CLI.run(["build", "--type", "a.v1.A.N", "-o", "n.txtpb"], in: s.path).status == 0)
    #expect(
      s.read("n.txtpb")?.contains("  message_type {\n    name: \"A\"\n    nested_type {\n      name: \"N\"") == true)
    let unknown = try CLI.run(["build", "--type", "a.v1.Nope"], in: s.path)
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("--type a.v1.Nope: no such message"))
    let imported = try CLI.run(["build", "--type", "google.protobuf.Timestamp"], in: s.path)
    #expect(imported.status == 1)
    #expect(imported.stderr.contains("is declared in an imported file"))
  }
}
