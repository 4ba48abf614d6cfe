import Config
import Foundation
import Inputs
import Proto
import Testing

/// Workspace → SourceSet: module roots, import roots, excludes and `--path` targets.
/// (Owned by the config helper, next to the plan tests because it needs Plan.)
@Suite struct WorkspaceSourcesTests {
  let root: String

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-ws-\(UUID().uuidString)").path
    for f in [
      "proto/acme/v1/a.proto", "proto/acme/v1/b.proto", "proto/legacy/old.proto", "api/x.proto",
      "third_party/proto/google/api/http.proto", "proto/.git/ignored.proto",
    ] {
      let full = root + "/" + f
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try "syntax = \"proto3\";\n".write(toFile: full, atomically: true, encoding: .utf8)
    }
  }

  func workspace() -> Workspace {
    Workspace(
      root: root, modules: [Module(path: "proto", excludes: ["proto/legacy"]), Module(path: "api")],
      includes: ["third_party/proto"])
  }

  @Test func rootsIncludesAndExcludes() {
    let s = workspace().sourceSet(paths: [])
    #expect(
      s.roots == [
        SourceSet.Root(directory: root + "/proto", displayPrefix: "proto"),
        SourceSet.Root(directory: root + "/api", displayPrefix: "api"),
      ])
    #expect(s.includes == [SourceSet.Root(directory: root + "/third_party/proto", displayPrefix: "third_party/proto")])
    #expect(s.excludes == ["proto/legacy"])
    #expect(s.targets.isEmpty)
  }

  @Test func rootModuleHasAnEmptyPrefix() {
    let s = Workspace(root: root, modules: [Module(path: ".")]).sourceSet(paths: [])
    #expect(s.roots == [SourceSet.Root(directory: root, displayPrefix: "")])
  }

  @Test func pathsBecomeImportPathTargets() {
    let ws = workspace()
    #expect(ws.sourceSet(paths: ["proto/acme"]).targets == ["acme/v1/a.proto", "acme/v1/b.proto"])
    #expect(ws.sourceSet(paths: ["api/x.proto", "proto/acme/v1/b.proto"]).targets == ["x.proto", "acme/v1/b.proto"])
    // A directory walk skips excludes; naming the excluded file keeps it.
    #expect(ws.sourceSet(paths: ["proto"]).targets == ["acme/v1/a.proto", "acme/v1/b.proto"])
    #expect(ws.sourceSet(paths: ["proto/legacy/old.proto"]).targets == ["legacy/old.proto"])
    // Selecting nothing never widens to every file.
    #expect(ws.sourceSet(paths: ["proto/nope.proto"]).targets == ["nope.proto"])
  }

  @Test func moduleFilesSkipHiddenDirectoriesAndExcludes() {
    let files = workspace().moduleFiles().map(\.displayPath)
    #expect(files == ["api/x.proto", "proto/acme/v1/a.proto", "proto/acme/v1/b.proto"])
    #expect(workspace().moduleFiles().first?.importPath == "x.proto")
  }

  @Test func unmatchedPathsAreReported() {
    let ds = workspace().unmatchedPaths(["proto/acme", "third_party/proto", "nope"])
    #expect(
      ds.map(\.message) == [
        "--path third_party/proto has no .proto file of a module; give a .proto file or a directory inside a module (proto, api).",
        "--path nope does not exist; give a .proto file or a directory inside a module (proto, api).",
      ])
  }
}
