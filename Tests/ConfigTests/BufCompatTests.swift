import Config
import Diagnostics
import Testing

/// buf.yaml + buf.gen.yaml v2 read as a workspace.
@Suite struct BufCompatTests {
  let ws: Workspace
  init() throws { ws = try Workspace.load(directory: Fixtures.path("valid/buf"), configFile: nil, scope: .generation) }

  @Test func kindAndModules() {
    #expect(ws.kind == .buf)
    #expect(ws.configFile == "buf.yaml")
    #expect(ws.modules == [Module(path: "proto", excludes: ["proto/acme/legacy"])])
  }

  @Test func lintAndBreaking() {
    #expect(ws.lint.use == ["STANDARD", "HTTP"])
    #expect(ws.lint.except == ["FIELD_NOT_REQUIRED"])
    #expect(ws.lint.ignoreOnly == ["ENUM_VALUE_PREFIX": ["proto/acme/v1/a.proto"]])
    #expect(ws.lint.allowCommentIgnores == false)
    #expect(ws.lint.serviceSuffix == "Svc")
    #expect(ws.lint.idSpans["FIELD_NOT_REQUIRED"]?.file == "buf.yaml")
    #expect(ws.lint.idSpans["FIELD_NOT_REQUIRED"]?.start == SourcePosition(line: 10, column: 12))
    #expect(ws.breaking.use == ["WIRE_JSON"])
    #expect(ws.breaking.ignoreUnstablePackages)
  }

  /// A buf.yaml that names no rules keeps buf's defaults plus the HTTP rules, which fire only
  /// on sebuf-annotated APIs, so a team moving from buf sees the same findings.
  @Test func bufDefaultsWhenNoRulesAreNamed() throws {
    let bare = try Workspace.parse(bufYAML: "version: v2\n", bufGenYAML: nil, root: "/tmp")
    #expect(bare.lint.use == ["STANDARD", "HTTP"])
    #expect(bare.breaking.use == ["FILE"])
    let sebuf = try Workspace.parse(sebufYAML: "version: v1\n", root: "/tmp")
    #expect(sebuf.lint.use == ["STANDARD", "HTTP"])
    #expect(sebuf.breaking.use == ["FILE", "HTTP"])
  }

  /// HTTP is on in every configuration unless `use` or `except` names it.
  @Test func httpRulesAreOnUnlessExcepted() throws {
    func use(_ lint: String) throws -> [String] {
      try Workspace.parse(bufYAML: "version: v2\nlint:\n\(lint)", bufGenYAML: nil, root: "/tmp").lint.use
    }
    #expect(try use("  use: [MINIMAL]\n") == ["MINIMAL", "HTTP"])
    #expect(try use("  use: [MINIMAL]\n  except: [http]\n") == ["MINIMAL"])
    #expect(try use("  except: [HTTP]\n") == ["STANDARD"])
    #expect(try use("  use: [BASIC, Http]\n") == ["BASIC", "Http"])
    let sebuf = try Workspace.parse(sebufYAML: "version: v1\nlint:\n  use: [BASIC]\n", root: "/tmp")
    #expect(sebuf.lint.use == ["BASIC", "HTTP"])
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

  @Test func managedRulesAreKeptInOrderAsBufReadsThem() {
    #expect(ws.managed.enabled)
    #expect(ws.managed.style == .buf)
    #expect(ws.managed.overrides.map(\.option) == [.file(.goPackagePrefix), .file(.goPackage)])
    #expect(
      ws.managed.overrides.map(\.value) == [
        .string("github.com/acme/weather/gen/go"), .string("github.com/acme/weather/gen/go/acme/v1;acmev1"),
      ])
    #expect(ws.managed.overrides.map(\.path) == [nil, "acme/v1/a.proto"])
    #expect(ws.managed.disables.map(\.path) == ["acme/legacy"])
    #expect(ws.managed.disables[0].option == nil)
  }

  @Test func everyManagedFormBufAcceptsIsRead() throws {
    let gen = """
      version: v2
      managed:
        enabled: true
        override:
          - file_option: go_package_prefix
            module: buf.build/sebmelki/sebuf
            value: ""
          - file_option: java_multiple_files
            value: false
          - file_option: optimize_for
            value: CODE_SIZE
          - field_option: jstype
            field: .acme.v1.M.f
            value: JS_STRING
        disable:
          - module: buf.build/bufbuild/protovalidate
          - file_option: objc_class_prefix
            path: ./acme//v1
          - field: acme.v1.M.g
      """
    let w = try Workspace.parse(bufYAML: "version: v2\nname: buf.build/acme/api\n", bufGenYAML: gen, root: "/tmp")
    #expect(w.modules == [Module(path: ".", name: "buf.build/acme/api")])
    let o = w.managed.overrides
    #expect(o.count == 4)
    #expect(o[0].module == "buf.build/sebmelki/sebuf" && o[0].value == .string(""))
    #expect(o[1].value == .bool(false))
    #expect(o[2].value == .optimizeMode(2))
    #expect(o[3].option == .field(.jstype) && o[3].field == "acme.v1.M.f" && o[3].value == .jsType(1))
    let d = w.managed.disables
    #expect(d.map(\.module) == ["buf.build/bufbuild/protovalidate", nil, nil])
    #expect(d[1].path == "acme/v1" && d[1].option == .file(.objcClassPrefix))
    #expect(d[2].field == "acme.v1.M.g" && d[2].option == nil)
  }

  @Test func managedRulesBufRejectsAreErrorsAtTheirLine() {
    let gen = """
      version: v2
      managed:
        enabled: true
        override:
          - file_option: go_package_prefixx
            value: a
          - file_option: java_multiple_files
            value: "yes please"
          - file_option: optimize_for
            value: FAST
          - file_option: java_package
        disable:
          - {}
          - file_option: go_package
            field_option: jstype
      """
    #expect(throws: DiagnosticError.self) {
      try Workspace.parse(bufYAML: "version: v2\n", bufGenYAML: gen, root: "/tmp")
    }
    do {
      _ = try Workspace.parse(bufYAML: "version: v2\n", bufGenYAML: gen, root: "/tmp")
    } catch let e as DiagnosticError {
      let lines = DiagnosticFormat.text.render(e.diagnostics).split(separator: "\n").map(String.init)
      #expect(
        lines == [
          "buf.gen.yaml:5:20:unknown file_option \"go_package_prefixx\"; did you mean \"go_package_prefix\"? Known: \(ManagedFileOption.allCases.map(\.rawValue).joined(separator: ", ")).",
          "buf.gen.yaml:8:14:managed.override[].value must be true or false, found the string \"yes please\".",
          "buf.gen.yaml:10:14:managed.override[].value \"FAST\" is not one of SPEED, CODE_SIZE, LITE_RUNTIME.",
          "buf.gen.yaml:11:7:managed.override[] must set value for an override.",
          "buf.gen.yaml:13:7:managed.disable[] must set at least one of module, path, file_option, field_option or field.",
          "buf.gen.yaml:15:7:managed.disable[] sets both file_option and field_option; keep one.",
        ])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func checksScopeIgnoresAGenerationFileSebufCannotHonour() throws {
    let dir = TempDir()
    defer { dir.remove() }
    dir.write("buf.yaml", "version: v2\n")
    dir.write("a.proto", "syntax = \"proto3\";\n")
    dir.write("buf.gen.yaml", "version: v2\nplugins:\n  - remote: buf.build/protocolbuffers/go\n    out: gen\n")
    #expect(Fixtures.loadErrors(dir.path, scope: .checks) == "")
    #expect(Fixtures.loadErrors(dir.path).contains("remote plugin"))
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
    #expect(converted.managed.goPackagePrefix == "github.com/acme/weather/gen/go")
    #expect(
      converted.managed.goPackageOverrides == ["acme/v1/a.proto": "github.com/acme/weather/gen/go/acme/v1;acmev1"])
    #expect(converted.managed.except == ["acme/legacy"])
    // What sebuf.yaml cannot say is written as a comment at the top.
    #expect(text.hasPrefix("# Converted from buf.yaml and buf.gen.yaml by `sebuf init --from-buf`.\n# managed mode: "))
    #expect(text.contains("\nversion: v1\n"))
  }
}

/// buf.yaml `deps`: bundled modules, vendored ones, and the error for the rest.
@Suite struct BufDepsTests {
  @Test func bundledModulesResolveWithAnyReference() throws {
    let yaml = "version: v2\ndeps:\n  - buf.build/sebmelki/sebuf\n  - buf.build/googleapis/googleapis:main\n"
    #expect(throws: Never.self) { try Workspace.parse(bufYAML: yaml, bufGenYAML: nil, root: "/tmp") }
  }

  @Test func protovalidateIsBundledAndAVendoredCopyStillLoads() throws {
    let dir = TempDir()
    defer { dir.remove() }
    dir.write(
      "buf.yaml", "version: v2\nmodules:\n  - path: proto\n  - path: vendor\ndeps: [buf.build/bufbuild/protovalidate]\n"
    )
    dir.write("proto/a.proto", "syntax = \"proto3\";\n")
    dir.write("vendor/x.proto", "syntax = \"proto3\";\n")
    #expect(Fixtures.loadErrors(dir.path) == "")
    dir.write("vendor/buf/validate/validate.proto", "syntax = \"proto2\";\n")
    #expect(Fixtures.loadErrors(dir.path) == "")
  }

  @Test func anUnknownModuleIsAnErrorAtItsLine() throws {
    let dir = TempDir()
    defer { dir.remove() }
    dir.write("buf.yaml", "version: v2\nmodules:\n  - path: proto\ndeps: [buf.build/acme/private]\n")
    dir.write("proto/a.proto", "syntax = \"proto3\";\n")
    #expect(Fixtures.loadErrors(dir.path).contains("buf.yaml:4:8:dependency \"buf.build/acme/private\""))
  }
}

/// buf.yaml with several modules: each module's lint block is its own.
@Suite struct BufModuleLintTests {
  @Test func eachModuleBlockReplacesTheTopLevelOne() throws {
    let dir = TempDir()
    defer { dir.remove() }
    dir.write(
      "buf.yaml",
      """
      version: v2
      modules:
        - path: a
          lint:
            use: [MINIMAL]
        - path: b
          lint:
            except: [SERVICE_SUFFIX]
        - path: c
      lint:
        use: [BASIC]

      """)
    for m in ["a", "b", "c"] { dir.write("\(m)/x.proto", "syntax = \"proto3\";\n") }
    let ws = try Workspace.load(directory: dir.path, configFile: nil)
    #expect(ws.lintConfig(forModule: "a").use == ["MINIMAL", "HTTP"])
    #expect(ws.lintConfig(forModule: "b").use == ["STANDARD", "HTTP"])
    #expect(ws.lintConfig(forModule: "b").except == ["SERVICE_SUFFIX"])
    #expect(ws.lintConfig(forModule: "c").use == ["BASIC", "HTTP"])
    #expect(ws.moduleBreaking.isEmpty)
    dir.write("buf.yaml", "version: v2\nmodules:\n  - path: a\n    breaking:\n      use: [WIRE]\n  - path: b\n")
    let w = try Workspace.load(directory: dir.path, configFile: nil)
    #expect(w.moduleBreaking["a"]?.use == ["WIRE"])
    #expect(w.moduleBreaking["b"] == nil)
  }

  /// `\,` in a plugin option is a comma inside the value (upstream sebuf's plugins and buf),
  /// for native backends and plugins alike; a plugin gets it back escaped, as buf passes it.
  @Test func escapedCommaInOptions() throws {
    let gen = #"""
      version: v2
      plugins:
        - local: protoc-gen-openapiv3
          out: docs
          opt:
            - format=json
            - bundle=true
            - bundle_description=Users\, orders and more
        - local: protoc-gen-go-http
          out: gen
          opt: paths=source_relative,note=a\,b
        - local: protoc-gen-custom
          out: gen2
          opt: title=x\, y
      """#
    let w = try Workspace.parse(bufYAML: "version: v2\n", bufGenYAML: gen, root: "/tmp")
    #expect(w.generate[0].options.map(\.value) == ["json", "true", "Users, orders and more"])
    #expect(w.generate[1].options.map(\.value) == ["source_relative", "a,b"])
    #expect(w.generate[2].options.map(\.value) == ["x, y"])
    #expect(w.generate[2].parameter == #"title=x\, y"#)
  }
}
