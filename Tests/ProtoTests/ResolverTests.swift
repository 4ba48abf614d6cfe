import Diagnostics
import Foundation
import Testing

@testable import Proto

/// Import resolution: in-memory and on-disk files, bundled files, the import
/// graph's errors at the import statement.
@Suite struct ResolverTests {
  func run(_ files: [String: String], targets: [String]) -> (Image?, [String]) {
    let (img, diags) = Compiler(resolver: InMemoryResolver(files)).compile(targets: (targets, []))
    return (img, DescriptorSupport.lines(diags))
  }

  @Test func bundledFilesResolveAndComeFirst() throws {
    let (img, diags) = run(
      [
        "a.proto": """
        syntax = "proto3";
        import "google/protobuf/timestamp.proto";
        import "sebuf/http/annotations.proto";
        message A { google.protobuf.Timestamp t = 1; }
        service S { rpc M(A) returns (A) { option (sebuf.http.config).path = "/a"; } }
        """
      ], targets: ["a.proto"])
    #expect(diags == [])
    let files = try #require(img).files
    #expect(
      files.map(\.name) == [
        "google/protobuf/timestamp.proto", "google/protobuf/descriptor.proto", "sebuf/http/annotations.proto",
        "a.proto",
      ])
    #expect(files.map(\.isImport) == [true, true, true, false])
  }

  @Test func workspaceFileShadowsBundledOne() throws {
    let (img, diags) = run(
      [
        "google/protobuf/empty.proto":
          "syntax = \"proto3\";\npackage google.protobuf;\nmessage Empty { int32 not_so_empty = 1; }\n",
        "a.proto":
          "syntax = \"proto3\";\nimport \"google/protobuf/empty.proto\";\nmessage A { google.protobuf.Empty e = 1; }\n",
      ], targets: ["a.proto"])
    #expect(diags == [])
    let empty = try #require(img?.file(named: "google/protobuf/empty.proto"))
    #expect(empty.descriptor.messageType.first?.field.first?.name == "not_so_empty")
  }

  @Test func missingImportPointsAtTheImport() {
    let (img, diags) = run(
      ["a.proto": "syntax = \"proto3\";\n\n  import \"nope/missing.proto\";\nmessage A {}\n"], targets: ["a.proto"])
    #expect(img == nil)
    #expect(diags == ["a.proto:3:3: Import \"nope/missing.proto\" was not found."])
  }

  @Test func cycleIsReportedAsProtocDoes() {
    let (img, diags) = run(
      [
        "a.proto": "syntax = \"proto3\";\nimport \"b.proto\";\n",
        "b.proto": "syntax = \"proto3\";\nimport \"c.proto\";\n",
        "c.proto": "syntax = \"proto3\";\n// closes the loop\nimport \"a.proto\";\n",
      ], targets: ["a.proto"])
    #expect(img == nil)
    #expect(
      diags == [
        "a.proto:2:1: File recursively imports itself: a.proto -> b.proto -> c.proto -> a.proto",
        "a.proto:2:1: Import \"b.proto\" was not found or had errors.",
        "b.proto:2:1: Import \"c.proto\" was not found or had errors.",
        "c.proto:3:1: Import \"a.proto\" was not found or had errors.",
      ])
  }

  @Test func selfImportIsACycle() {
    let (_, diags) = run(["a.proto": "syntax = \"proto3\";\nimport \"a.proto\";\n"], targets: ["a.proto"])
    #expect(diags == ["a.proto:2:1: File recursively imports itself: a.proto -> a.proto"])
  }

  @Test func unknownTargetIsAnError() {
    let (img, diags) = run([:], targets: ["x.proto"])
    #expect(img == nil)
    #expect(diags == ["x.proto: File \"x.proto\" was not found."])
  }

  @Test func fileReachableUnderTwoNamesIsAnError() throws {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-resolver-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: tmp) }
    try FileManager.default.createDirectory(at: tmp.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try "syntax = \"proto3\";\nmessage S {}\n".write(
      to: tmp.appendingPathComponent("sub/s.proto"), atomically: true, encoding: .utf8)
    try "syntax = \"proto3\";\nimport \"sub/s.proto\";\nimport \"s.proto\";\nmessage A { S s = 1; }\n"
      .write(to: tmp.appendingPathComponent("a.proto"), atomically: true, encoding: .utf8)
    let sources = SourceSet(
      roots: [
        .init(directory: tmp.path, displayPrefix: ""),
        .init(directory: tmp.appendingPathComponent("sub").path, displayPrefix: "sub"),
      ],
      targets: ["a.proto"])
    let (img, diags) = compile(sources)
    #expect(img == nil)
    #expect(
      DescriptorSupport.lines(diags).first
        == "a.proto:3:1: \"s.proto\" and \"sub/s.proto\" are the same file (sub/s.proto); import it by one name only.")
  }

  @Test func targetsAreDiscoveredUnderRootsMinusExcludes() throws {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-discover-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: tmp) }
    for p in ["proto/a/x.proto", "proto/legacy/y.proto", "proto/.hidden/z.proto", "proto/b.txt"] {
      let u = tmp.appendingPathComponent(p)
      try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
      try "syntax = \"proto3\";\n".write(to: u, atomically: true, encoding: .utf8)
    }
    let sources = SourceSet(
      roots: [.init(directory: tmp.appendingPathComponent("proto").path, displayPrefix: "proto")],
      excludes: ["proto/legacy"])
    #expect(TargetDiscovery.targets(of: sources).paths == ["a/x.proto"])
    let (img, _) = compile(sources)
    #expect(try #require(img).files.map(\.displayPath) == ["proto/a/x.proto"])
  }
}

/// Legal input of unusual shape: the compiler walks the import graph without recursion.
struct DeepImportTests {
  @Test func importChainThousandsDeep() {
    let depth = 5000
    var files: [String: String] = [:]
    for i in 0..<depth {
      let dep = i + 1 < depth ? "import \"f\(i + 1).proto\";\n" : ""
      files["f\(i).proto"] = "syntax = \"proto3\";\npackage p\(i);\n\(dep)message M\(i) {}\n"
    }
    let (image, diagnostics) = Compiler(resolver: InMemoryResolver(files)).compile(targets: (["f0.proto"], []))
    #expect(!diagnostics.hasErrors)
    #expect(image?.files.count == depth)
    #expect(image?.files.first?.descriptor.name == "f\(depth - 1).proto")
  }

  @Test func cycleDeepInAChainIsReportedOnce() {
    var files: [String: String] = [:]
    let depth = 2000
    for i in 0..<depth {
      files["f\(i).proto"] = "syntax = \"proto3\";\nimport \"f\((i + 1) % depth).proto\";\n"
    }
    let (image, diagnostics) = Compiler(resolver: InMemoryResolver(files)).compile(targets: (["f0.proto"], []))
    #expect(image == nil)
    #expect(diagnostics.filter { $0.message.hasPrefix("File recursively imports itself") }.count == 1)
  }
}
