import Config
import Diagnostics
import Testing

/// Where sebuf finds the workspace file.
@Suite struct DiscoveryTests {
  @Test func findsSebufYAMLInAParent() throws {
    let ws = try Workspace.load(directory: Fixtures.path("valid/nested/proto/acme"), configFile: nil)
    #expect(ws.root == Fixtures.path("valid/nested"))
    #expect(ws.modules == [Module(path: "proto")])
  }

  @Test func noFileMeansOneModuleWithDefaults() throws {
    let ws = try Workspace.load(directory: Fixtures.path("valid/bare"), configFile: nil)
    #expect(ws.kind == .none)
    #expect(ws.configFile == nil)
    #expect(ws.root == Fixtures.path("valid/bare"))
    #expect(ws.modules == [Module(path: ".")])
  }

  @Test func sebufYAMLWinsOverBufYAMLInTheSameDirectory() throws {
    // valid/both/buf.yaml names a missing module: it must not be read.
    let ws = try Workspace.load(directory: Fixtures.path("valid/both"), configFile: nil)
    #expect(ws.kind == .sebuf)
  }

  @Test func configFlagOverridesDiscoveryAndRootStaysTheDirectory() throws {
    let ws = try Workspace.load(
      directory: Fixtures.path("valid/full"), configFile: Fixtures.path("valid/nested/sebuf.yaml"))
    #expect(ws.root == Fixtures.path("valid/full"))
    #expect(ws.modules == [Module(path: "proto")])
    // full's modules (proto, api) are checked against nested, where api does not exist;
    // the file outside the workspace is named as given.
    let errors = Fixtures.loadErrors(Fixtures.path("valid/nested"), configFile: Fixtures.path("valid/full/sebuf.yaml"))
    let file = Fixtures.path("valid/full/sebuf.yaml")
    #expect(
      errors == """
        \(file):6:11:module path "api" does not exist; create it or fix the path (relative to the workspace).
        \(file):7:12:include "third_party/proto" does not exist; create it or fix the path (relative to the workspace).

        """)
  }

  @Test func configFlagCanNameABufYAML() throws {
    let ws = try Workspace.load(
      directory: Fixtures.path("valid/buf"), configFile: Fixtures.path("valid/buf/buf.yaml"), scope: .generation)
    #expect(ws.kind == .buf)
    #expect(ws.generate.count == 5)
  }

  @Test func missingConfigFileAndDirectoryAreErrors() {
    #expect(
      Fixtures.loadErrors(Fixtures.path("valid/bare"), configFile: "/nonexistent/sebuf.yaml")
        == "/nonexistent/sebuf.yaml:config file \"/nonexistent/sebuf.yaml\" does not exist.\n")
    #expect(
      Fixtures.loadErrors("/nonexistent-dir")
        == "directory \"/nonexistent-dir\" does not exist; give the workspace directory.\n")
    #expect(
      Fixtures.loadErrors(Fixtures.path("valid/buf"), configFile: Fixtures.path("valid/buf/buf.gen.yaml"))
        == "buf.gen.yaml:--config names buf.gen.yaml; pass buf.yaml instead (buf.gen.yaml next to it is read too).\n")
  }
}
