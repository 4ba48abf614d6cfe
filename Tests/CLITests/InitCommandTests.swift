import Testing

/// `sebuf init` and `sebuf init --from-buf`, run through the binary.
@Suite struct InitCommandTests {
  @Test func writesAStarterThatLoadsAndRefusesToOverwrite() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("proto/acme/v1/a.proto", "syntax = \"proto3\";\n")
    let r = try CLI.run(["init"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stdout == "Wrote sebuf.yaml.\n")
    let text = try #require(s.read("sebuf.yaml"))
    #expect(text.hasPrefix("# sebuf workspace file."))
    #expect(text.contains("modules:\n  - path: proto\n"))
    #expect(text.contains("  use: [STANDARD, HTTP]"))
    // The starter is a valid workspace.
    let ls = try CLI.run(["ls-files"], in: s.path)
    #expect(ls.status == 0)
    #expect(ls.stdout == "proto/acme/v1/a.proto\n")

    let again = try CLI.run(["init"], in: s.path)
    #expect(again.status == 1)
    #expect(again.stdout == "")
    #expect(again.stderr == "sebuf.yaml:already exists; will not overwrite it (edit it, or remove it first).\n")
    #expect(s.read("sebuf.yaml") == text)
  }

  @Test func writesIntoTheGivenDirectoryWithTheRootAsModule() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("api/x.proto", "syntax = \"proto3\";\n")
    let r = try CLI.run(["init", "api"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stdout == "Wrote api/sebuf.yaml.\n")
    #expect(s.read("api/sebuf.yaml")?.contains("  - path: .\n") == true)
    let missing = try CLI.run(["init", "nope"], in: s.path)
    #expect(missing.status == 1)
    #expect(missing.stderr == "directory \"nope\" does not exist.\n")
  }

  @Test func fromBufConvertsBufYAMLAndBufGenYAML() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("proto/acme/v1/a.proto", "syntax = \"proto3\";\n")
    s.write(
      "buf.yaml",
      "version: v2\nmodules:\n  - path: proto\ndeps: [buf.build/sebmelki/sebuf]\nlint:\n  use: [STANDARD]\n")
    s.write(
      "buf.gen.yaml",
      """
      version: v2
      managed:
        enabled: true
        override:
          - file_option: go_package_prefix
            value: example.com/gen/go
      plugins:
        - local: protoc-gen-go
          out: gen/go
          opt: paths=source_relative
        - local: protoc-gen-go-http
          out: gen/go
          opt: paths=source_relative
        - local: protoc-gen-openapiv3
          out: docs

      """)
    let r = try CLI.run(["init", "--from-buf"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stdout == "Wrote sebuf.yaml (converted from buf.yaml).\n")
    #expect(
      s.read("sebuf.yaml") == """
        # Converted from buf.yaml and buf.gen.yaml by `sebuf init --from-buf`.
        # managed mode: buf's default java, csharp, objc, php and ruby options are not set: sebuf.yaml manages go_package only.
        version: v1
        modules:
          - path: proto
        lint:
          use: [STANDARD, HTTP]
          allow_comment_ignores: true
        breaking:
          use: [FILE]
        generate:
          - plugin: protoc-gen-go
            out: gen/go
            opt: [paths=source_relative]
          - backend: go-http
            out: gen/go
            opt: [paths=source_relative]
          - backend: openapi
            out: docs
        managed:
          go_package_prefix: example.com/gen/go

        """)
    #expect(try CLI.run(["ls-files"], in: s.path).stdout == "proto/acme/v1/a.proto\n")
  }

  @Test func fromBufReportsWhatCannotBeHonoured() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("buf.yaml", "version: v2\ndeps:\n  - buf.build/acme/private\n")
    s.write("buf.gen.yaml", "version: v2\nplugins:\n  - remote: buf.build/protocolbuffers/go\n    out: gen\n")
    let r = try CLI.run(["init", "--from-buf"], in: s.path)
    #expect(r.status == 1)
    #expect(
      r.stderr == """
        buf.gen.yaml:3:13:remote plugin "buf.build/protocolbuffers/go" cannot run: sebuf does not call the BSR. Install the plugin and use local:, or use a native backend (go-http, go-client, ts-client, ts-server, openapi, py-client).
        buf.yaml:3:5:dependency "buf.build/acme/private" is neither bundled, in buf's module cache, nor vendored, and sebuf does not download modules. Run `buf dep update` once with network access (sebuf then reads buf's cache), or vendor it (`buf export buf.build/acme/private -o third_party`, then add `third_party` under includes in sebuf.yaml (`sebuf init --from-buf` converts this buf.yaml) or as a module with its lint ignored). Bundled: buf.build/bufbuild/protovalidate, buf.build/googleapis/googleapis, buf.build/sebmelki/sebuf.

        """)
    #expect(!s.exists("sebuf.yaml"))
    let none = Scratch()
    defer { none.remove() }
    let n = try CLI.run(["init", "--from-buf"], in: none.path)
    #expect(n.status == 1)
    #expect(n.stderr == "no buf.yaml in \(none.path); --from-buf converts buf.yaml (and buf.gen.yaml) v2.\n")
  }

  @Test func bufWorkspaceIsReadWithoutConversion() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("proto/a.proto", "syntax = \"proto3\";\n")
    s.write("buf.yaml", "version: v2\nmodules:\n  - path: proto\n")
    let r = try CLI.run(["ls-files"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stdout == "proto/a.proto\n")
    // A plain init would shadow buf.yaml: it points at --from-buf instead.
    let i = try CLI.run(["init"], in: s.path)
    #expect(i.status == 1)
    #expect(
      i.stderr
        == "buf.yaml:a buf.yaml is here: run `sebuf init --from-buf` to convert it (sebuf also reads buf.yaml v2 as it is).\n"
    )
    #expect(!s.exists("sebuf.yaml"))
  }
}
