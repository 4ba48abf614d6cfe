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
}
