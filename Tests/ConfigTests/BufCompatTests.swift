import Config
import Diagnostics
import Testing

/// buf.yaml + buf.gen.yaml v2 read as a workspace.
@Suite struct BufCompatTests {
  let ws: Workspace
  init() throws { ws = try Workspace.load(directory: Fixtures.path("valid/buf"), configFile: nil) }

  @Test func kindAndModules() {
    #expect(ws.kind == .buf)
    #expect(ws.configFile == "buf.yaml")
    #expect(ws.modules == [Module(path: "proto", excludes: ["proto/acme/legacy"])])
  }

  @Test func lintAndBreaking() {
    #expect(ws.lint.use == ["STANDARD"])
    #expect(ws.lint.except == ["FIELD_NOT_REQUIRED"])
    #expect(ws.lint.ignoreOnly == ["ENUM_VALUE_PREFIX": ["proto/acme/v1/a.proto"]])
    #expect(ws.lint.allowCommentIgnores == false)
    #expect(ws.lint.serviceSuffix == "Svc")
    #expect(ws.lint.idSpans["FIELD_NOT_REQUIRED"]?.file == "buf.yaml")
    #expect(ws.lint.idSpans["FIELD_NOT_REQUIRED"]?.start == SourcePosition(line: 10, column: 12))
    #expect(ws.breaking.use == ["WIRE_JSON"])
    #expect(ws.breaking.ignoreUnstablePackages)
  }

  /// A buf.yaml that names no rules keeps buf's defaults (no HTTP rules), so a team moving
  /// from buf sees the same findings; sebuf.yaml's defaults add HTTP.
  @Test func bufDefaultsWhenNoRulesAreNamed() throws {
    let bare = try Workspace.parse(bufYAML: "version: v2\n", bufGenYAML: nil, root: "/tmp")
    #expect(bare.lint.use == ["STANDARD"])
    #expect(bare.breaking.use == ["FILE"])
    let sebuf = try Workspace.parse(sebufYAML: "version: v1\n", root: "/tmp")
    #expect(sebuf.lint.use == ["STANDARD", "HTTP"])
    #expect(sebuf.breaking.use == ["FILE", "HTTP"])
  }

  @Test func localSebufPluginsBecomeNativeBackends() {
    let kinds = ws.generate.map(\.kind)
    #expect(
      kinds == [
        .plugin("protoc-gen-go"), .backend("go-http"), .backend("ts-client"), .backend("openapi"),
        .backend("go-client"),
      ])
    #expect(ws.generate.map(\.out) == ["gen/go", "gen/go", "web/src/gen", "docs", "gen/go"])
    #expect(ws.generate[0].parameter == "paths=source_relative")
    #expect(ws.generate[2].strategy == .all)
    #expect(ws.generate[3].parameter == "format=json")
    #expect(ws.generate[4].includeImports)
    #expect(ws.generate[1].span?.file == "buf.gen.yaml")
  }

  @Test func managedGoPackagePrefixIsHonoured() {
    #expect(ws.managed.enabled)
    #expect(ws.managed.goPackagePrefix == "github.com/acme/weather/gen/go")
    #expect(ws.managed.goPackageOverrides == ["acme/v1/a.proto": "github.com/acme/weather/gen/go/acme/v1;acmev1"])
    #expect(ws.managed.except == ["acme/legacy"])
  }

  @Test func bufYAMLAloneHasNoGenerateEntries() throws {
    let w = try Workspace.parse(bufYAML: "version: v2\n", bufGenYAML: nil, root: "/tmp")
    #expect(w.modules == [Module(path: ".")])
    #expect(w.generate.isEmpty)
  }

  @Test func managedWithoutEnabledIsOff() throws {
    let w = try Workspace.parse(
      bufYAML: "version: v2\n",
      bufGenYAML: "version: v2\nmanaged:\n  override:\n    - file_option: go_package_prefix\n      value: a.b/c\n",
      root: "/tmp")
    #expect(!w.managed.enabled)
    #expect(w.managed.goPackagePrefix == nil)
  }

  @Test func conversionWritesAnEquivalentSebufYAML() throws {
    let text = try Workspace.convertFromBuf(directory: Fixtures.path("valid/buf"))
    let converted = try Workspace.parse(sebufYAML: text, root: Fixtures.path("valid/buf"))
    #expect(converted.modules == ws.modules)
    #expect(converted.lint.use == ws.lint.use && converted.lint.except == ws.lint.except)
    #expect(converted.lint.ignoreOnly == ws.lint.ignoreOnly)
    #expect(converted.lint.allowCommentIgnores == ws.lint.allowCommentIgnores)
    #expect(converted.lint.serviceSuffix == ws.lint.serviceSuffix)
    #expect(converted.breaking.use == ws.breaking.use)
    #expect(converted.generate.map(\.kind) == ws.generate.map(\.kind))
    #expect(converted.generate.map(\.parameter) == ws.generate.map(\.parameter))
    #expect(converted.generate.map(\.strategy) == ws.generate.map(\.strategy))
    #expect(converted.managed.goPackagePrefix == ws.managed.goPackagePrefix)
    #expect(converted.managed.goPackageOverrides == ws.managed.goPackageOverrides)
    #expect(converted.managed.except == ws.managed.except)
    #expect(text.hasPrefix("# Converted from buf.yaml and buf.gen.yaml by `sebuf init --from-buf`.\nversion: v1\n"))
  }
}
