import Basics
import Config
import Diagnostics
import Testing

/// sebuf.yaml v1: every key decoded into the model (valid inputs).
@Suite struct SebufYAMLTests {
  let full: Workspace

  init() throws {
    full = try Workspace.load(directory: Fixtures.path("valid/full"), configFile: nil, scope: .generation)
  }

  @Test func rootAndFile() {
    #expect(full.root == Fixtures.path("valid/full"))
    #expect(full.configFile == "sebuf.yaml")
    #expect(full.kind == .sebuf)
  }

  @Test func modulesAndIncludes() {
    #expect(full.modules == [Module(path: "proto", excludes: ["proto/legacy"]), Module(path: "api")])
    #expect(full.includes == ["third_party/proto"])
  }

  @Test func lint() {
    let l = full.lint
    #expect(l.use == ["STANDARD", "HTTP", "stream-methods-must-use-get"])
    #expect(l.except == ["PACKAGE_VERSION_SUFFIX"])
    #expect(l.ignore == ["proto/acme/v1/a.proto"])
    #expect(l.ignoreOnly == ["FIELD_LOWER_SNAKE_CASE": ["proto/acme", "api/**/*.proto"]])
    #expect(l.allowCommentIgnores == false)
    #expect(l.disallowCommentIgnores == true)
    #expect(l.warn == ["COMMENTS"])
    #expect(l.enumZeroValueSuffix == "_UNKNOWN")
    #expect(l.rpcAllowSameRequestResponse)
    #expect(l.rpcAllowGoogleProtobufEmptyRequests)
    #expect(l.rpcAllowGoogleProtobufEmptyResponses)
    #expect(l.serviceSuffix == "API")
  }

  @Test func lintIdSpansPointAtEachId() {
    let spans = full.lint.idSpans
    #expect(spans["STANDARD"]?.start == SourcePosition(line: 9, column: 9))
    #expect(spans["HTTP"]?.start == SourcePosition(line: 9, column: 19))
    #expect(spans["stream-methods-must-use-get"]?.start == SourcePosition(line: 9, column: 25))
    #expect(spans["PACKAGE_VERSION_SUFFIX"]?.start == SourcePosition(line: 10, column: 12))
    #expect(spans["FIELD_LOWER_SNAKE_CASE"]?.start == SourcePosition(line: 13, column: 5))
    #expect(spans["COMMENTS"]?.start == SourcePosition(line: 15, column: 10))
    #expect(spans["COMMENTS"]?.file == "sebuf.yaml")
    #expect(spans["COMMENTS"]?.end == SourcePosition(line: 15, column: 18))
  }

  @Test func breaking() {
    let b = full.breaking
    #expect(b.use == ["FILE", "HTTP"])
    #expect(b.except == ["FIELD_SAME_DEFAULT"])
    #expect(b.ignore == ["proto/legacy"])
    #expect(b.ignoreOnly == ["ENUM_VALUE_NO_DELETE": ["api"]])
    #expect(b.ignoreUnstablePackages)
    #expect(b.allowCommentIgnores == false)
    #expect(b.against == ".git#branch=main")
    #expect(b.idSpans["FIELD_SAME_DEFAULT"]?.start == SourcePosition(line: 23, column: 12))
    #expect(b.idSpans["ENUM_VALUE_NO_DELETE"]?.start == SourcePosition(line: 26, column: 5))
  }

  @Test func generateEntries() {
    let g = full.generate
    #expect(g.count == 3)
    #expect(g[0].kind == .backend("go-http"))
    #expect(g[0].out == "gen/go")
    #expect(g[0].options.map { "\($0.key)=\($0.value)" } == ["paths=source_relative", "debug=true"])
    #expect(g[0].include == ["proto/acme/**"])
    #expect(g[0].strategy == nil)
    #expect(g[0].label == "go-http")
    #expect(g[0].span?.start == SourcePosition(line: 31, column: 5))

    #expect(g[1].kind == .backend("openapi"))
    #expect(g[1].name == "docs")
    #expect(g[1].label == "docs")
    #expect(g[1].parameter == "format=json,bundle=1")
    #expect(g[1].exclude == ["api/**"])
    #expect(g[1].strategy == .all)

    #expect(g[2].kind == .plugin("protoc-gen-go"))
    #expect(g[2].out == "gen/go")
    #expect(g[2].parameter == "paths=source_relative,Mfoo.proto=example.com/foo")
    #expect(g[2].includeImports && g[2].includeWKT)
    #expect(g[2].strategy == .directory)
  }

  @Test func managed() {
    let m = full.managed
    #expect(m.enabled)
    #expect(m.goPackagePrefix == "example.com/app/gen/go")
    #expect(m.goPackageOverrides == ["acme/v1/a.proto": "example.com/other;otherv1"])
    #expect(m.except == ["legacy"])
  }

  @Test func defaultsWhenSectionsAreAbsent() throws {
    let ws = try Workspace.parse(sebufYAML: "version: v1\n", root: "/tmp")
    #expect(ws.modules == [Module(path: ".")])
    #expect(ws.includes.isEmpty)
    #expect(ws.lint.use == ["STANDARD", "HTTP"])
    #expect(ws.lint.allowCommentIgnores)
    #expect(ws.breaking.use == ["FILE", "HTTP"])
    #expect(ws.breaking.against == nil)
    #expect(ws.generate.isEmpty)
    #expect(!ws.managed.enabled)
  }

  @Test func managedIsOnWhenTheBlockIsPresentUnlessDisabled() throws {
    let on = try Workspace.parse(sebufYAML: "version: v1\nmanaged:\n  go_package_prefix: a.b/c\n", root: "/tmp")
    #expect(on.managed.enabled && on.managed.goPackagePrefix == "a.b/c")
    let off = try Workspace.parse(
      sebufYAML: "version: v1\nmanaged:\n  enabled: false\n  go_package_prefix: a.b/c\n", root: "/tmp")
    #expect(!off.managed.enabled && off.managed.goPackagePrefix == nil)
  }

  @Test func optionsAcceptMapListAndString() throws {
    let yaml = """
      version: v1
      generate:
        - plugin: a
          out: x
          opt: {k: v, n: 3, b: false}
        - plugin: b
          out: x
          opt: [k=v, flag, "a=b=c"]
        - plugin: /usr/local/bin/protoc-gen-c
          out: x
          opt: k=v,flag
      """
    let ws = try Workspace.parse(sebufYAML: yaml, root: "/tmp")
    #expect(ws.generate[0].parameter == "k=v,n=3,b=false")
    #expect(ws.generate[1].parameter == "k=v,flag,a=b=c")
    #expect(ws.generate[1].options.last?.key == "a" && ws.generate[1].options.last?.value == "b=c")
    #expect(ws.generate[2].kind == .plugin("/usr/local/bin/protoc-gen-c"))
    #expect(ws.generate[2].parameter == "k=v,flag")
  }

  @Test func emptyUseKeepsTheDefault() throws {
    let ws = try Workspace.parse(sebufYAML: "version: v1\nlint:\n  use: []\nbreaking:\n  use: []\n", root: "/tmp")
    #expect(ws.lint.use == ["STANDARD", "HTTP"])
    #expect(ws.breaking.use == ["FILE", "HTTP"])
  }

  @Test func yesAndNoAreBooleansLikeBuf() throws {
    let ws = try Workspace.parse(
      sebufYAML: "version: v1\nlint:\n  allow_comment_ignores: no\n  rpc_allow_same_request_response: yes\n",
      root: "/tmp")
    #expect(!ws.lint.allowCommentIgnores)
    #expect(ws.lint.rpcAllowSameRequestResponse)
  }

  @Test func nonASCIIKeysAndValuesDoNotCrash() {
    #expect(throws: DiagnosticError.self) {
      try Workspace.parse(sebufYAML: "version: v1\nlïnt: {}\n", root: "/tmp")
    }
    #expect(throws: DiagnosticError.self) {
      try Workspace.parse(sebufYAML: "version: v1\ngenerate:\n  - backend: gö\n    out: ü\n", root: "/tmp")
    }
  }

  @Test func columnsCountBytesLikeEveryOtherSpan() {
    // "é" is one Unicode scalar (Yams' unit) but two UTF-8 bytes (sebuf's unit): "bogus"
    // starts at scalar column 21, byte column 22.
    do {
      _ = try Workspace.parse(sebufYAML: "version: v1\nlint: {ignore: [é], bogus: 1}\n", root: "/tmp")
      Issue.record("expected an error")
    } catch let e as DiagnosticError {
      #expect(e.diagnostics.first?.span?.start == SourcePosition(line: 2, column: 22))
      #expect(e.diagnostics.first?.span?.end == SourcePosition(line: 2, column: 27))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func unknownKeyMessageHasDidYouMeanAndAllowedKeys() {
    #expect(throws: DiagnosticError.self) {
      try Workspace.parse(sebufYAML: "version: v1\nbreakign: {}\n", root: "/tmp")
    }
    do {
      _ = try Workspace.parse(sebufYAML: "version: v1\nbreakign: {}\n", root: "/tmp")
    } catch let e as DiagnosticError {
      #expect(
        e.diagnostics.map { DiagnosticFormat.text.format($0) } == [
          "sebuf.yaml:2:1:unknown key \"breakign\" in sebuf.yaml; did you mean \"breaking\"? Allowed: version, modules, includes, lint, breaking, generate, managed.\n"
        ])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
