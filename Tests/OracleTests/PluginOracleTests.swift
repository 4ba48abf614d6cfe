import Backends
import Basics
import Config
import Diagnostics
import Foundation
import Inputs
import Plan
import Proto
import SwiftProtobuf
import SwiftProtobufPluginLibrary
import TestSupport
import Testing

/// Real protoc 36.2 and Debian's protoc-gen-go as oracles for the plugin protocol:
/// sebuf's CodeGeneratorRequest must be byte-identical to protoc 36.2's (compiler version,
/// `proto_file` with the generated files' source-retention options stripped,
/// `source_file_descriptors` whole), and protoc-gen-go's
/// output, run through `sebuf generate`'s engine, must build with a real Go toolchain.
@Suite(.serialized) struct PluginOracleTests {
  /// `Sources/Proto/Bundled`: the sebuf annotation protos.
  static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/Proto/Bundled").path

  static let protos: [String: String] = [
    "acme/v1/common.proto": """
    syntax = "proto3";
    package acme.v1;

    // Lifecycle of a user.
    enum Status {
      STATUS_UNSPECIFIED = 0;
      STATUS_ACTIVE = 1; // trailing comment
    }
    """,
    "acme/v1/user.proto": """
    syntax = "proto3";
    // Users.
    package acme.v1;

    import "google/protobuf/timestamp.proto";
    import "sebuf/http/annotations.proto";
    import "acme/v1/common.proto";

    // A user of the system.
    message User {
      string user_id = 1;
      optional string nick_name = 2;
      Status status = 3;
      google.protobuf.Timestamp created_at = 4;
      map<string, string> labels = 5;
      oneof contact {
        string email = 6;
        string phone = 7;
      }
      message Inner { repeated int64 values = 1; }
      Inner inner = 8;
    }

    message GetUserRequest { string user_id = 1; }

    service UserService {
      // Fetch one user.
      rpc GetUser(GetUserRequest) returns (User) {
        option (sebuf.http.config) = { path: "/users/{user_id}" method: HTTP_METHOD_GET };
      }
    }
    """,
    "acme/v2/other.proto": """
    syntax = "proto3";
    package acme.v2;
    import "acme/v1/user.proto";
    import "acme/v2/opts.proto";
    message Wrapper {
      option (acme.v2.note) = "source only";
      option (acme.v2.kept) = 3;
      acme.v1.User user = 1;
      string snake_case_name = 2;
    }
    """,
    "acme/v2/opts.proto": """
    syntax = "proto3";
    package acme.v2;
    import "google/protobuf/descriptor.proto";
    extend google.protobuf.MessageOptions {
      string note = 50100 [retention = RETENTION_SOURCE];
      int32 kept = 50101;
    }
    """,
  ]
  static var targets: [String] { protos.keys.sorted() }

  /// Writes the sample workspace and compiles it with protoc 36.2 into an Image
  /// (until sebuf's own compiler is merged, protoc's descriptor set stands in for it).
  static func sampleWorkspace() throws -> (OracleDir, Image) {
    let dir = OracleDir()
    for (name, text) in protos { dir.write("proto/" + name, text + "\n") }
    try run(
      OracleTools.protoc36,
      [
        "-I", "proto", "-I", bundled, "--include_imports", "--include_source_info", "--retain_options", "-o",
        "set.pb",
      ] + targets,
      in: dir.root)
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: FileSystem.read(dir.root + "/set.pb") ?? [])
    let image = Image(
      files: set.file.map { f in
        let isTarget = protos[f.name] != nil
        return ImageFile(descriptor: f, isImport: !isTarget, displayPath: isTarget ? "proto/" + f.name : f.name)
      })
    return (dir, image)
  }

  /// The Image from protoc's descriptor set (the request builder alone) or from sebuf's
  /// own compiler (compiler and request builder together).
  @Test(.oracle(OracleTools.protoc36), arguments: ["protoc-image", "sebuf-compiler"])
  func sebufsRequestIsByteIdenticalToProtocs(imageSource: String) throws {
    try OracleTools.require([OracleTools.protoc36])
    let (dir, protocImage) = try Self.sampleWorkspace()
    var image = protocImage
    if imageSource == "sebuf-compiler" {
      let ws = Workspace(root: dir.root, modules: [Module(path: "proto")])
      let (compiled, diagnostics) = compile(ws.sourceSet(paths: []))
      #expect(diagnostics.isEmpty, "\(diagnostics)")
      image = try #require(compiled)
    }
    let finalImage = image
    // A recording plugin: saves the request, answers "no files, proto3 optional supported".
    for who in ["protoc", "sebuf"] {
      dir.write("rec-\(who).sh", "#!/bin/sh\ncat > '\(dir.root)/request-\(who).bin'\nprintf '\\020\\001'\n")
      chmod(dir.root + "/rec-\(who).sh", 0o755)
    }
    try Self.run(
      OracleTools.protoc36,
      [
        "-I", "proto", "-I", Self.bundled, "--plugin=protoc-gen-rec=rec-protoc.sh",
        "--rec_out=paths=source_relative,flag:out",
      ]
        + Self.targets, in: dir.root, makeDirs: ["out"])

    let workspace = Workspace(
      root: dir.root, modules: [Module(path: "proto")],
      generate: [
        GenerateEntry(
          kind: .plugin("./rec-sebuf.sh"), out: "gen",
          options: [(key: "paths", value: "source_relative"), (key: "flag", value: "")],
          strategy: .all)
      ])
    let generation = Generation(
      planner: Planner(workspace: workspace, registry: BackendRegistry([])), compile: { _, _ in (finalImage, []) })
    _ = try generation.run(GenerateOptions())

    let fromProtoc = try #require(FileSystem.read(dir.root + "/request-protoc.bin"))
    let fromSebuf = try #require(FileSystem.read(dir.root + "/request-sebuf.bin"))
    #expect(fromProtoc.count > 1000)
    if fromSebuf != fromProtoc {
      // Say where they differ, file by file.
      let a = try Google_Protobuf_Compiler_CodeGeneratorRequest(serializedBytes: fromProtoc)
      let b = try Google_Protobuf_Compiler_CodeGeneratorRequest(serializedBytes: fromSebuf)
      #expect(b.fileToGenerate == a.fileToGenerate)
      #expect(b.parameter == a.parameter)
      #expect(b.protoFile.map(\.name) == a.protoFile.map(\.name))
      #expect(b.compilerVersion == a.compilerVersion)
      #expect(b.sourceFileDescriptors.map(\.name) == a.sourceFileDescriptors.map(\.name))
      for (x, y) in zip(a.protoFile + a.sourceFileDescriptors, b.protoFile + b.sourceFileDescriptors) where x != y {
        Issue.record("\(x.name) differs:\n\(y.textFormatString())\n--- protoc:\n\(x.textFormatString())")
      }
    }
    #expect(fromSebuf == fromProtoc)
  }

  @Test(
    .oracle(OracleTools.protoc36, "protoc-gen-go", "go", "/usr/share/gocode/src/google.golang.org/protobuf/"),
    arguments: ["protoc-image", "sebuf-compiler"])
  func protocGenGoOutputBuildsWithGo(imageSource: String) throws {
    try OracleTools.require([
      OracleTools.protoc36, "protoc-gen-go", "go", "/usr/share/gocode/src/google.golang.org/protobuf/",
    ])
    let (dir, protocImage) = try Self.sampleWorkspace()
    var compiled = protocImage
    if imageSource == "sebuf-compiler" {
      let (sebufImage, diagnostics) = compile(
        Workspace(root: dir.root, modules: [Module(path: "proto")]).sourceSet(paths: []))
      #expect(diagnostics.isEmpty, "\(diagnostics)")
      compiled = try #require(sebufImage)
    }
    let image = compiled
    var managed = ManagedConfig()
    managed.enabled = true
    managed.goPackagePrefix = "example.com/app/gen/go"
    let workspace = Workspace(
      root: dir.root, modules: [Module(path: "proto")],
      generate: [
        GenerateEntry(
          kind: .plugin("go"), out: "gen/go", options: [(key: "paths", value: "source_relative")], includeImports: true)
      ], managed: managed)
    let planner = Planner(
      workspace: workspace, registry: BackendRegistry([]), searchPath: ProcessInfo.processInfo.environment["PATH"])
    let result = try Generation(planner: planner, compile: { _, _ in (image, []) }).run(GenerateOptions())
    #expect(
      result.report.summary == [
        "gen/go/acme/v1/common.pb.go:new", "gen/go/acme/v1/user.pb.go:new", "gen/go/acme/v2/opts.pb.go:new",
        "gen/go/acme/v2/other.pb.go:new", "gen/go/sebuf/http/annotations.pb.go:new",
      ])
    let header = try #require(dir.read("gen/go/acme/v1/user.pb.go"))
    #expect(header.contains("// \tprotoc        v7.36.2"))
    #expect(header.contains("// source: acme/v1/user.proto"))

    dir.write(
      "go.mod",
      """
      module example.com/app
      go 1.22
      require google.golang.org/protobuf v1.28.1
      replace (
      \tgoogle.golang.org/protobuf => /usr/share/gocode/src/google.golang.org/protobuf
      \tgithub.com/golang/protobuf => /usr/share/gocode/src/github.com/golang/protobuf
      \tgithub.com/google/go-cmp => /usr/share/gocode/src/github.com/google/go-cmp
      )

      """)
    dir.write(
      "cmd/check/main.go",
      """
      package main

      import (
      \t"fmt"

      \tacmev1 "example.com/app/gen/go/acme/v1"
      \tacmev2 "example.com/app/gen/go/acme/v2"
      \tsebufhttp "example.com/app/gen/go/sebuf/http"
      \t"google.golang.org/protobuf/proto"
      )

      func main() {
      \tw := &acmev2.Wrapper{User: &acmev1.User{UserId: "u1", NickName: proto.String("nick"), Status: acmev1.Status_STATUS_ACTIVE}}
      \tb, err := proto.Marshal(w)
      \tif err != nil {
      \t\tpanic(err)
      \t}
      \tvar back acmev2.Wrapper
      \tif err := proto.Unmarshal(b, &back); err != nil {
      \t\tpanic(err)
      \t}
      \tfmt.Println(back.GetUser().GetUserId(), back.GetUser().GetNickName(), back.GetUser().GetStatus())
      \tmd := acmev1.File_acme_v1_user_proto.Services().Get(0).Methods().Get(0)
      \tcfg := proto.GetExtension(md.Options(), sebufhttp.E_Config).(*sebufhttp.HttpConfig)
      \tfmt.Println(cfg.GetPath(), cfg.GetMethod())
      }

      """)
    let output = try Self.run(
      "go", ["run", "./cmd/check"], in: dir.root,
      environment: ["GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOSUMDB": "off", "GOTOOLCHAIN": "local"])
    #expect(output == "u1 nick STATUS_ACTIVE\n/users/{user_id} HTTP_METHOD_GET\n")

    // A second generate is a no-op; the Go files keep their mtimes.
    let again = try Generation(planner: planner, compile: { _, _ in (image, []) }).run(GenerateOptions())
    #expect(again.report.wrote == 0 && again.report.skippedJobs == 1)
  }

  /// Runs a tool, returning stdout; throws with stderr when it fails.
  @discardableResult
  static func run(
    _ tool: String, _ args: [String], in dir: String, environment: [String: String] = [:], makeDirs: [String] = []
  ) throws -> String {
    for d in makeDirs {
      try FileManager.default.createDirectory(atPath: dir + "/" + d, withIntermediateDirectories: true)
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + args
    p.currentDirectoryURL = URL(fileURLWithPath: dir)
    p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = dir + "/.stdout-\(UUID().uuidString)"
    let err = dir + "/.stderr-\(UUID().uuidString)"
    FileManager.default.createFile(atPath: out, contents: nil)
    FileManager.default.createFile(atPath: err, contents: nil)
    p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    try p.run()
    p.waitUntilExit()
    let stdout = String(decoding: FileSystem.read(out) ?? [], as: UTF8.self)
    let stderr = String(decoding: FileSystem.read(err) ?? [], as: UTF8.self)
    try? FileManager.default.removeItem(atPath: out)
    try? FileManager.default.removeItem(atPath: err)
    guard p.terminationStatus == 0 else {
      throw OracleFailure("\(tool) \(args.joined(separator: " ")) failed (\(p.terminationStatus)):\n\(stderr)")
    }
    return stdout
  }
}

/// A temporary directory for one oracle test.
final class OracleDir {
  let root: String
  init() {
    let dir = FileManager.default.temporaryDirectory.path + "/sebuf-oracle-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    root = FileSystem.realPath(dir) ?? dir
  }
  deinit { try? FileManager.default.removeItem(atPath: root) }
  func write(_ path: String, _ text: String) {
    let abs = root + "/" + path
    try! FileManager.default.createDirectory(
      atPath: (abs as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try! FileSystem.writeAtomically(Array(text.utf8), to: abs)
  }
  func read(_ path: String) -> String? {
    FileSystem.read(root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
  }
}

extension WriteReport {
  var summary: [String] { (jobs.flatMap(\.changes) + orphanRemovals).map { "\($0.path):\($0.kind.rawValue)" }.sorted() }
}
