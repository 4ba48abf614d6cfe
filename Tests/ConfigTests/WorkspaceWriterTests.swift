import Config
import Diagnostics
import Testing

/// The starter file and rendering a workspace back to YAML.
@Suite struct WorkspaceWriterTests {
  @Test func initTemplateIsAValidWorkspace() throws {
    let ws = try Workspace.parse(sebufYAML: Workspace.initTemplate, root: Fixtures.path("valid/bare"))
    #expect(ws.modules == [Module(path: ".")])
    #expect(ws.lint.use == ["STANDARD", "HTTP"])
    #expect(ws.lint.allowCommentIgnores)
    #expect(ws.breaking.use == ["FILE", "HTTP"])
    #expect(ws.breaking.against == ".git#branch=main")
    #expect(ws.generate.isEmpty)
  }

  @Test func initTemplateCommentedGenerateBlockIsValidWhenUncommented() throws {
    let text = Workspace.initTemplate(modulePath: "proto").split(separator: "\n", omittingEmptySubsequences: false)
      .map { line -> String in
        let s = String(line)
        // Uncomment "# generate:" and "#   - backend…" lines and the managed block.
        if s.hasPrefix("# generate:") || s.hasPrefix("#   ") || s.hasPrefix("# managed:") {
          return String(s.dropFirst(2))
        }
        return s
      }.joined(separator: "\n")
    let ws = try Workspace.parse(sebufYAML: text, root: Fixtures.path("valid/nested"))
    #expect(ws.generate.map(\.label) == ["go-http", "ts-client", "openapi", "protoc-gen-go"])
    #expect(ws.managed.goPackagePrefix == "example.com/app/gen/go")
  }

  @Test func yamlTextRoundTripsEveryKey() throws {
    let full = try Workspace.load(directory: Fixtures.path("valid/full"), configFile: nil, scope: .generation)
    let again = try Workspace.parse(sebufYAML: full.yamlText(), root: full.root)
    #expect(again.modules == full.modules)
    #expect(again.includes == full.includes)
    #expect(again.lint.use == full.lint.use)
    #expect(again.lint.except == full.lint.except)
    #expect(again.lint.ignore == full.lint.ignore)
    #expect(again.lint.ignoreOnly == full.lint.ignoreOnly)
    #expect(again.lint.warn == full.lint.warn)
    #expect(again.lint.allowCommentIgnores == full.lint.allowCommentIgnores)
    #expect(again.lint.enumZeroValueSuffix == full.lint.enumZeroValueSuffix)
    #expect(again.lint.serviceSuffix == full.lint.serviceSuffix)
    #expect(again.lint.rpcAllowSameRequestResponse == full.lint.rpcAllowSameRequestResponse)
    #expect(again.lint.rpcAllowGoogleProtobufEmptyRequests == full.lint.rpcAllowGoogleProtobufEmptyRequests)
    #expect(again.lint.rpcAllowGoogleProtobufEmptyResponses == full.lint.rpcAllowGoogleProtobufEmptyResponses)
    #expect(again.breaking.use == full.breaking.use)
    #expect(again.breaking.except == full.breaking.except)
    #expect(again.breaking.ignore == full.breaking.ignore)
    #expect(again.breaking.ignoreOnly == full.breaking.ignoreOnly)
    #expect(again.breaking.ignoreUnstablePackages == full.breaking.ignoreUnstablePackages)
    #expect(again.breaking.allowCommentIgnores == full.breaking.allowCommentIgnores)
    #expect(again.breaking.against == full.breaking.against)
    #expect(again.generate.map(\.kind) == full.generate.map(\.kind))
    #expect(again.generate.map(\.name) == full.generate.map(\.name))
    #expect(again.generate.map(\.out) == full.generate.map(\.out))
    #expect(again.generate.map(\.parameter) == full.generate.map(\.parameter))
    #expect(again.generate.map(\.include) == full.generate.map(\.include))
    #expect(again.generate.map(\.exclude) == full.generate.map(\.exclude))
    #expect(again.generate.map(\.strategy) == full.generate.map(\.strategy))
    #expect(again.generate.map(\.includeImports) == full.generate.map(\.includeImports))
    #expect(again.generate.map(\.includeWKT) == full.generate.map(\.includeWKT))
    #expect(again.managed.goPackagePrefix == full.managed.goPackagePrefix)
    #expect(again.managed.goPackageOverrides == full.managed.goPackageOverrides)
    #expect(again.managed.except == full.managed.except)
  }
}
