import Foundation
import Testing

@testable import Config

/// `sebuf init --from-buf` keeps every comment next to the key it was written on (placed by
/// Yams' node positions) and lists what it changed.
@Suite struct BufConversionCommentTests {
  let dir = Fixtures.path("valid/buf-comments")

  @Test func everyCommentLandsNextToItsKey() throws {
    let c = try Workspace.convertingFromBuf(directory: dir)
    let expected = """
      # Converted from buf.yaml and buf.gen.yaml by `sebuf init --from-buf`.
      # managed mode: buf's default java, csharp, objc, php and ruby options are not set: sebuf.yaml manages go_package only.
      # Weather workspace: header line one.
      # Header line two.
      # (buf.yaml deps) Only the sebuf annotations.
      # (buf.yaml name) our BSR name
      # (buf.yaml deps[0]) pinned
      # Generation for the weather API.
      version: v1  # buf config v2
      # The one module.
      modules:
        # Protos live in proto/.
        - path: proto  # module root
          # Old files nobody owns.
          excludes: [proto/acme/legacy]  # skip these
      lint:
        # Buf's standard set.
        use: [STANDARD, HTTP]  # the usual
        except: [FIELD_NOT_REQUIRED]  # "quoted # not a comment" is a string
        allow_comment_ignores: true
        service_suffix: Svc  # services end in Svc
      breaking:
        use: [WIRE_JSON]
      generate:
        # Go messages.
        - plugin: protoc-gen-go
          out: gen/go  # next to the protos
          opt: [paths=source_relative]
        # The HTTP handlers.
        - backend: go-http  # sebuf's own backend
          out: gen/go
      managed:  # turn managed mode on
        # Everything under our prefix.
        go_package_prefix: github.com/acme/weather/gen/go
      # Footer: end of buf.yaml.

      """
    #expect(c.text == expected)
    #expect(
      c.changes == [
        "buf.yaml version: v2 → version: v1",
        "buf.yaml name: buf.build/acme/weather → not written (sebuf.yaml names no module)",
        "buf.yaml deps[0] buf.build/sebmelki/sebuf:v0.8.0 → not written (sebuf.yaml has no deps key)",
        "buf.gen.yaml plugins[0] local: protoc-gen-go → plugin: protoc-gen-go",
        "buf.gen.yaml plugins[1] protoc-gen-go-http → backend: go-http",
        "buf.gen.yaml managed go_package_prefix → managed.go_package_prefix: github.com/acme/weather/gen/go",
        "buf.gen.yaml managed: buf's default java, csharp, objc, php and ruby options are not set: sebuf.yaml manages go_package only.",
      ])
  }

  @Test func theCommentedResultMeansTheSame() throws {
    let text = try Workspace.convertFromBuf(directory: dir)
    let converted = try Workspace.parse(sebufYAML: text, root: dir)
    let bufWS = try Workspace.load(directory: dir, configFile: nil, scope: .generation)
    #expect(converted.modules == bufWS.modules)
    #expect(converted.lint.use == bufWS.lint.use && converted.lint.except == bufWS.lint.except)
    #expect(converted.lint.serviceSuffix == "Svc")
    #expect(converted.breaking.use == bufWS.breaking.use)
    #expect(converted.generate.map(\.kind) == bufWS.generate.map(\.kind))
    #expect(converted.generate.map(\.parameter) == bufWS.generate.map(\.parameter))
    #expect(converted.managed.goPackagePrefix == "github.com/acme/weather/gen/go")
  }

  @Test func commentsInsideQuotedScalarsAndBlockScalarsAreNotComments() {
    let c = YAMLComments("a: \"x # y\"  # real\nb: |\n  # body\n  text\nc: 'it''s # no' # two\n")
    #expect(c.trailing.map(\.path) == ["a", "c"])
    #expect(c.trailing.map(\.text) == ["# real", "# two"])
    #expect(c.leading.isEmpty && c.header.isEmpty && c.footer.isEmpty)
  }

  @Test func theChangeListNamesWhatSebufYAMLDoesNotWrite() throws {
    let c = try Workspace.convertingFromBuf(directory: Fixtures.path("valid/buf"))
    #expect(
      c.changes == [
        "buf.yaml version: v2 → version: v1",
        "buf.yaml name: buf.build/acme/weather → not written (sebuf.yaml names no module)",
        "buf.yaml deps[0] buf.build/sebmelki/sebuf:v0.8.0 → not written (sebuf.yaml has no deps key)",
        "buf.gen.yaml plugins[0] local: protoc-gen-go → plugin: protoc-gen-go",
        "buf.gen.yaml plugins[1] protoc-gen-go-http → backend: go-http",
        "buf.gen.yaml plugins[2] ./bin/protoc-gen-ts-client → backend: ts-client",
        "buf.gen.yaml plugins[3] protoc-gen-openapiv3 → backend: openapi",
        "buf.gen.yaml plugins[4] protoc-gen-go-client → backend: go-client",
        "buf.gen.yaml clean: true → not written (sebuf.yaml has no clean key; run `sebuf generate --clean`)",
        "buf.gen.yaml inputs → not written (sebuf generates every module of the workspace)",
        "buf.gen.yaml managed go_package_prefix → managed.go_package_prefix: github.com/acme/weather/gen/go",
        "buf.gen.yaml managed go_package for acme/v1/a.proto → managed.override path: acme/v1/a.proto go_package: github.com/acme/weather/gen/go/acme/v1;acmev1",
        "buf.gen.yaml managed disable path acme/legacy → managed.except: acme/legacy",
      ] + c.changes.filter { $0.hasPrefix("buf.gen.yaml managed: ") })
    #expect(c.changes.contains { $0.hasPrefix("buf.gen.yaml managed: ") })
  }

  @Test func perModuleChecksAreReportedAsNotWritten() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-conv-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for m in ["a", "b"] {
      try FileManager.default.createDirectory(atPath: dir + "/" + m, withIntermediateDirectories: true)
    }
    let yaml = """
      version: v2
      modules:
        - path: a
          # a's own rules.
          lint:
            use: [MINIMAL]
        - path: b
      """
    try yaml.write(toFile: dir + "/buf.yaml", atomically: true, encoding: .utf8)
    let c = try Workspace.convertingFromBuf(directory: dir)
    #expect(
      c.changes == [
        "buf.yaml version: v2 → version: v1",
        "buf.yaml modules[0].lint → not written (sebuf.yaml has one lint block for every module)",
      ])
    // A comment on a key sebuf.yaml does not write goes to the nearest key it does: the module.
    #expect(c.text.contains("modules:\n  # a's own rules.\n  - path: a\n  - path: b\n"))
  }

  @Test func crlfFilesKeepTheirCommentsWithoutCarriageReturns() {
    let c = YAMLComments("# top\r\nversion: v2 # v\r\nlint:\r\n  # rules\r\n  use: [A]\r\n")
    #expect(c.header == ["# top"])
    #expect(c.trailing.map(\.text) == ["# v"])
    #expect(c.leading.map(\.path) == ["lint.use"] && c.leading.map(\.text) == ["# rules"])
  }
}
