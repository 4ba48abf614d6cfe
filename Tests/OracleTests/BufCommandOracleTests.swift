import Foundation
import TestSupport
import Testing

/// `stats`, `config ls-modules`, `export` and `breaking --limit-to-input-files` print and
/// write what buf 1.75 does on the same buf.yaml workspace.
@Suite struct BufCommandOracleTests {
  static let files: [String: String] = [
    "buf.yaml": "version: v2\nmodules:\n  - path: proto\n    name: buf.build/acme/a\n  - path: other\n",
    "proto/a/v1/a.proto": """
    syntax = "proto2";
    package a.v1;
    import "google/protobuf/timestamp.proto";
    message A {
      extensions 10 to 20;
      optional string x = 1;
      optional google.protobuf.Timestamp t = 2;
      map<string, int32> m = 3;
      message N { option deprecated = true; optional int32 y = 1; oneof o { int32 p = 2; string q = 3; } }
      enum E { E_UNSPECIFIED = 0; E_X = 1; }
    }
    extend A { optional int32 e = 10; }
    enum F { option deprecated = true; F_UNSPECIFIED = 0; }
    service S {
      rpc Get(A) returns (A);
      rpc Old(A) returns (A) { option deprecated = true; }
    }
    service T { rpc Put(A) returns (A); }

    """,
    "other/b/v1/b.proto":
      "syntax = \"proto3\";\npackage b.v1;\nimport \"a/v1/a.proto\";\nmessage B { a.v1.A a = 1; }\n",
    "other/c/v1/c.proto": "syntax = \"proto3\";\npackage c.v1;\nenum C { C_UNSPECIFIED = 0; }\n",
  ]

  func both(_ args: [String], in dir: URL) throws -> (buf: Migration.Run, sebuf: Migration.Run) {
    (try Migration.run("buf", args, in: dir), try Migration.run("sebuf", args, in: dir))
  }

  @Test(.oracle("buf")) func statsAndLsModulesPrintWhatBufPrints() throws {
    try OracleTools.require(["buf"])
    let dir = try Migration.repo(Self.files)
    defer { try? FileManager.default.removeItem(at: dir) }
    for args in [
      ["stats"], ["stats", "--format", "json"], ["config", "ls-modules"], ["config", "ls-modules", "--format", "name"],
      ["config", "ls-modules", "--format", "json"],
    ] {
      let (buf, sebuf) = try both(args, in: dir)
      #expect(buf.code == 0, "buf \(args): \(buf.stderr)")
      #expect(sebuf.code == buf.code, "sebuf \(args): \(sebuf.stderr)")
      #expect(sebuf.stdout == buf.stdout, "\(args)")
    }
  }

  @Test(.oracle("buf")) func exportWritesTheFilesBufWrites() throws {
    try OracleTools.require(["buf"])
    let dir = try Migration.repo(Self.files)
    defer { try? FileManager.default.removeItem(at: dir) }
    for extra in [[], ["--path", "other/b"], ["--path", "other/b", "--exclude-imports"]] {
      let buf = try Migration.run("buf", ["export", "-o", "out-buf"] + extra, in: dir)
      let sebuf = try Migration.run("sebuf", ["export", "-o", "out-sebuf"] + extra, in: dir)
      #expect(buf.code == 0 && sebuf.code == 0, "\(extra): \(buf.stderr) \(sebuf.stderr)")
      #expect(
        try Self.tree(dir.appendingPathComponent("out-sebuf")) == Self.tree(dir.appendingPathComponent("out-buf")))
      try? FileManager.default.removeItem(at: dir.appendingPathComponent("out-buf"))
      try? FileManager.default.removeItem(at: dir.appendingPathComponent("out-sebuf"))
    }
  }

  @Test(.oracle("buf")) func limitToInputFilesAgreesWithBuf() throws {
    try OracleTools.require(["buf"])
    let current: [String: String] = [
      "buf.yaml": "version: v2\n",
      "a/v1/a.proto": "syntax = \"proto3\";\npackage a.v1;\nmessage A { string x = 1; }\n",
    ]
    var previous = current
    previous["a/v1/a.proto"] = "syntax = \"proto3\";\npackage a.v1;\nmessage A { string x = 1; int32 y = 2; }\n"
    previous["d/v1/d.proto"] = "syntax = \"proto3\";\npackage d.v1;\nmessage D {}\n"
    let dir = try Migration.repo(current)
    defer { try? FileManager.default.removeItem(at: dir) }
    let old = try Migration.repo(previous)
    defer { try? FileManager.default.removeItem(at: old) }
    // buf compares with a directory only inside its context: give it buf's own image.
    let image = old.appendingPathComponent("old.binpb").path
    #expect(try Migration.run("buf", ["build", "-o", image], in: old).code == 0)
    for extra in [[], ["--limit-to-input-files"]] {
      let (buf, sebuf) = try both(["breaking", "--against", image] + extra, in: dir)
      #expect(buf.code == 100, "\(extra): \(buf.stderr)")
      #expect(sebuf.code == buf.code, "\(extra): buf \(buf.stdout) sebuf \(sebuf.stdout)")
      #expect(sebuf.stdout == buf.stdout, "\(extra)")
    }
  }

  /// `build --type`: the same descriptors, byte for byte, as buf's file descriptor set.
  @Test(.oracle("buf")) func buildTypeKeepsWhatBufKeeps() throws {
    try OracleTools.require(["buf"])
    let dir = try Migration.repo(Self.files)
    defer { try? FileManager.default.removeItem(at: dir) }
    let cases = [
      ["a.v1.A"], ["a.v1.A.N"], ["a.v1.S"], ["a.v1.S.Get"], ["a.v1.T.Put", "c.v1.C"], ["a.v1.F"], ["a.v1.e"], ["b.v1"],
      ["a.**"], ["b.v1.B"],
    ]
    for types in cases {
      let flags = types.flatMap { ["--type", $0] } + ["--exclude-source-info"]
      let buf = try Migration.run("buf", ["build", "--as-file-descriptor-set", "-o", "buf.binpb"] + flags, in: dir)
      let sebuf = try Migration.run("sebuf", ["build", "-o", "sebuf.binpb"] + flags, in: dir)
      #expect(buf.code == 0 && sebuf.code == 0, "\(types): \(buf.stderr) \(sebuf.stderr)")
      let a = try Data(contentsOf: dir.appendingPathComponent("buf.binpb"))
      let b = try Data(contentsOf: dir.appendingPathComponent("sebuf.binpb"))
      #expect(a == b, "--type \(types) differs from buf")
    }
    let imported = try both(["build", "--type", "google.protobuf.Timestamp"], in: dir)
    #expect(imported.buf.code == 1 && imported.sebuf.code == 1)
  }

  /// Relative path → contents of every file under `root`.
  static func tree(_ root: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    guard let e = FileManager.default.enumerator(atPath: root.path) else { return out }
    while let rel = e.nextObject() as? String {
      var isDir: ObjCBool = false
      let path = root.appendingPathComponent(rel).path
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
        out[rel] = FileManager.default.contents(atPath: path)
      }
    }
    return out
  }
}
