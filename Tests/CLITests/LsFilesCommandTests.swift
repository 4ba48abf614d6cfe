import Testing

/// `sebuf ls-files`, the shared options and exit codes, run through the binary.
@Suite struct LsFilesCommandTests {
  func workspace() -> Scratch {
    let s = Scratch()
    s.write("sebuf.yaml", "version: v1\nmodules:\n  - path: proto\n    excludes: [proto/legacy]\n")
    s.write("proto/acme/v1/b.proto", "syntax = \"proto3\";\n")
    s.write("proto/acme/v1/a.proto", "syntax = \"proto3\";\n")
    s.write("proto/legacy/old.proto", "syntax = \"proto3\";\n")
    s.write("other/x.proto", "syntax = \"proto3\";\n")
    return s
  }

  @Test func listsModuleFilesSortedWithoutExcludes() throws {
    let s = workspace()
    defer { s.remove() }
    let r = try CLI.run(["ls-files"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stdout == "proto/acme/v1/a.proto\nproto/acme/v1/b.proto\n")
    #expect(r.stderr == "")
  }

  @Test func findsTheWorkspaceFromASubdirectoryAndTakesADirectoryArgument() throws {
    let s = workspace()
    defer { s.remove() }
    let sub = try CLI.run(["ls-files"], in: s.path + "/proto/acme")
    #expect(sub.status == 0)
    #expect(sub.stdout == "proto/acme/v1/a.proto\nproto/acme/v1/b.proto\n")
    // An absolute directory argument lists absolute paths, as buf does.
    let arg = try CLI.run(["ls-files", s.path])
    #expect(arg.stdout == "\(s.path)/proto/acme/v1/a.proto\n\(s.path)/proto/acme/v1/b.proto\n")
  }

  @Test func jsonFormat() throws {
    let s = workspace()
    defer { s.remove() }
    let r = try CLI.run(["ls-files", "--format", "json", "--path", "proto/acme/v1/b.proto"], in: s.path)
    #expect(r.status == 0)
    #expect(
      r.stdout == "{\"path\":\"proto/acme/v1/b.proto\",\"import_path\":\"acme/v1/b.proto\",\"is_import\":false}\n")
  }

  @Test func pathIsRelativeToTheCurrentDirectory() throws {
    let s = workspace()
    defer { s.remove() }
    let r = try CLI.run(["ls-files", "--path", "v1/a.proto"], in: s.path + "/proto/acme")
    #expect(r.status == 0)
    #expect(r.stdout == "proto/acme/v1/a.proto\n")
    // An explicitly named excluded file is listed; a directory walk skips it.
    let ex = try CLI.run(["ls-files", "--path", "proto/legacy/old.proto", "--path", "proto"], in: s.path)
    #expect(ex.stdout == "proto/acme/v1/a.proto\nproto/acme/v1/b.proto\nproto/legacy/old.proto\n")
  }

  @Test func pathThatSelectsNothingIsAnError() throws {
    let s = workspace()
    defer { s.remove() }
    let r = try CLI.run(["ls-files", "--path", "proto/nope.proto"], in: s.path)
    #expect(r.status == 1)
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "--path proto/nope.proto does not exist; give a .proto file or a directory inside a module (proto).\n")
    let outside = try CLI.run(["ls-files", "--path", "other"], in: s.path)
    #expect(outside.status == 1)
    #expect(
      outside.stderr
        == "--path other has no .proto file of a module; give a .proto file or a directory inside a module (proto).\n")
  }

  @Test func badConfigExitsOneWithPositionedErrorsInEveryFormat() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("sebuf.yaml", "version: v1\nlint:\n  use: STANDARD\ngenerate:\n  - backend: go-htp\n    out: gen\n")
    let text = try CLI.run(["ls-files"], in: s.path)
    #expect(text.status == 1)
    #expect(text.stdout == "")
    // ls-files does not read the generation settings, so only the lint error shows (buf's rule).
    #expect(
      text.stderr == """
        sebuf.yaml:3:8:lint.use must be a list, found the string "STANDARD"; write [STANDARD].

        """)
    let gen = try CLI.run(["plan"], in: s.path)
    #expect(gen.status == 1)
    #expect(gen.stderr.contains("sebuf.yaml:5:14:unknown backend \"go-htp\""))
    let json = try CLI.run(["ls-files", "--error-format", "json"], in: s.path)
    #expect(json.status == 1)
    #expect(
      json.stderr.split(separator: "\n").first
        == "{\"path\":\"sebuf.yaml\",\"start_line\":3,\"start_column\":8,\"end_line\":3,\"end_column\":16,\"type\":\"CONFIG\",\"message\":\"lint.use must be a list, found the string \\\"STANDARD\\\"; write [STANDARD].\"}"
    )
    let gha = try CLI.run(["ls-files", "--error-format", "github-actions"], in: s.path)
    #expect(
      gha.stderr.hasPrefix("::error file=sebuf.yaml,line=3,col=8,endLine=3,endColumn=16::lint.use must be a list"))
    let msvs = try CLI.run(["ls-files", "--error-format", "msvs"], in: s.path)
    #expect(msvs.stderr.hasPrefix("sebuf.yaml(3,8) : error CONFIG : lint.use must be a list"))
    let junit = try CLI.run(["ls-files", "--error-format", "junit"], in: s.path)
    #expect(
      junit.stderr.hasPrefix("<testsuites>\n  <testsuite name=\"sebuf.yaml\" tests=\"1\" failures=\"1\" errors=\"0\">"))
  }

  @Test func configFlagAndYAMLSyntaxError() throws {
    let s = workspace()
    defer { s.remove() }
    s.write("ci/other.yaml", "version: v1\nmodules:\n  - path: [proto\n")
    let r = try CLI.run(["ls-files", "--config", "ci/other.yaml"], in: s.path)
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "ci/other.yaml:4:1:invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 11)\n"
    )
    s.write("ci/ok.yaml", "version: v1\nmodules:\n  - path: other\n")
    let ok = try CLI.run(["ls-files", "--config", "ci/ok.yaml"], in: s.path)
    #expect(ok.status == 0)
    #expect(ok.stdout == "other/x.proto\n")
  }

  @Test func noConfigMeansTheDirectoryIsOneModule() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("a/b.proto", "syntax = \"proto3\";\n")
    s.write(".hidden/c.proto", "syntax = \"proto3\";\n")
    let r = try CLI.run(["ls-files"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stdout == "a/b.proto\n")
  }

  @Test func argumentErrorsAreReportedByTheParser() throws {
    let bad = try CLI.run(["ls-files", "--error-format", "xml"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("The value 'xml' is invalid for '--error-format <format>'"))
    let unknown = try CLI.run(["ls-files", "--bogus"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("Unknown option '--bogus'"))
    let missingDir = try CLI.run(["ls-files", "/nonexistent-sebuf-dir"])
    #expect(missingDir.status == 1)
    #expect(missingDir.stderr == "directory \"/nonexistent-sebuf-dir\" does not exist; give the workspace directory.\n")
    let s = workspace()
    defer { s.remove() }
    let file = try CLI.run(["ls-files", "proto/acme/v1/a.proto"], in: s.path)
    #expect(file.status == 1)
    #expect(
      file.stderr
        == "\"proto/acme/v1/a.proto\" is a file; give the workspace directory (use --path to limit the run to some files).\n"
    )
  }

  @Test func versionAndHelp() throws {
    let v = try CLI.run(["--version"])
    #expect(v.status == 0)
    let lines = v.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.split(separator: ".").count == 3)
    // The bundled modules and the registry releases they came from.
    #expect(lines.contains("bundled modules:"))
    #expect(lines.contains { $0.hasPrefix("  buf.build/bufbuild/protovalidate 2.1.0 (PyPI protovalidate") })
    #expect(lines.contains { $0.hasPrefix("  buf.build/protocolbuffers/wellknowntypes 36.2 ") })
    let h = try CLI.run(["ls-files", "--help"])
    #expect(h.status == 0)
    for flag in ["--config <file>", "--path <path>", "--error-format <format>", "Example:"] {
      #expect(h.stdout.contains(flag), "help lacks \(flag)")
    }
  }

  @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("sebuf.yaml", "version: v1\nbogus: 1\n")
    let piped = try CLI.run(["ls-files"], in: s.path)
    #expect(piped.status == 1)
    #expect(!piped.stderr.contains("\u{1B}["))
    // `script` gives the command a pseudo-terminal.
    let cmd = "\(CLI.binary) ls-files"
    let tty = try CLI.runTool(
      "/usr/bin/script", ["-qec", cmd, s.path + "/typescript"], in: s.path, env: ["TERM": "xterm"])
    #expect(tty.stdout.contains("\u{1B}[1msebuf.yaml:2:1:\u{1B}[0munknown key \"bogus\""))
    let noColor = try CLI.runTool(
      "/usr/bin/script", ["-qec", cmd, s.path + "/typescript"], in: s.path, env: ["TERM": "xterm", "NO_COLOR": "1"])
    #expect(noColor.stdout.contains("sebuf.yaml:2:1:unknown key \"bogus\""))
    #expect(!noColor.stdout.contains("\u{1B}["))
  }
}

/// `sebuf ls-files --include-imports`: compiles and lists imports too.
@Suite struct LsFilesImportsTests {
  func workspace() -> Scratch {
    let s = Scratch()
    s.write("sebuf.yaml", "version: v1\nmodules:\n  - path: proto\nincludes: [third_party/proto]\n")
    s.write(
      "proto/acme/v1/a.proto",
      """
      syntax = "proto3";
      package acme.v1;
      import "google/protobuf/timestamp.proto";
      import "sebuf/http/annotations.proto";
      import "vendor/v.proto";
      message A { google.protobuf.Timestamp t = 1; vendor.V v = 2; }
      service AService {
        rpc Get(A) returns (A) { option (sebuf.http.config) = { path: "/a" }; }
      }

      """)
    s.write("third_party/proto/vendor/v.proto", "syntax = \"proto3\";\npackage vendor;\nmessage V {}\n")
    return s
  }

  @Test func listsTargetsIncludeRootFilesAndBundledFiles() throws {
    let s = workspace()
    defer { s.remove() }
    let r = try CLI.run(["ls-files", "--include-imports"], in: s.path)
    #expect(r.status == 0)
    #expect(r.stderr == "")
    #expect(
      r.stdout == """
        google/protobuf/descriptor.proto
        google/protobuf/timestamp.proto
        proto/acme/v1/a.proto
        sebuf/http/annotations.proto
        third_party/proto/vendor/v.proto

        """)
    let json = try CLI.run(["ls-files", "--include-imports", "--format", "json"], in: s.path)
    let lines = json.stdout.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[2] == "{\"path\":\"proto/acme/v1/a.proto\",\"import_path\":\"acme/v1/a.proto\",\"is_import\":false}")
    #expect(
      lines[4]
        == "{\"path\":\"third_party/proto/vendor/v.proto\",\"import_path\":\"vendor/v.proto\",\"is_import\":true}")
  }

  @Test func compileErrorsExitOne() throws {
    let s = workspace()
    defer { s.remove() }
    s.write("proto/b.proto", "syntax = \"proto3\";\nimport \"missing.proto\";\n")
    let r = try CLI.run(["ls-files", "--include-imports"], in: s.path)
    #expect(r.status == 1)
    #expect(r.stdout == "")
    #expect(r.stderr.hasPrefix("proto/b.proto:2:1:"))
    #expect(r.stderr.contains("missing.proto"))
    // Without the flag nothing is compiled.
    #expect(try CLI.run(["ls-files"], in: s.path).status == 0)
  }

  @Test func bundledImportsNameTheirModuleAndVersion() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("buf.yaml", "version: v2\ndeps: [buf.build/bufbuild/protovalidate]\n")
    s.write(
      "a.proto",
      "syntax = \"proto3\";\npackage a;\nimport \"buf/validate/validate.proto\";\nmessage A { string s = 1 [(buf.validate.field).string.min_len = 1]; }\n"
    )
    let r = try CLI.run(["ls-files", "--include-imports", "--format", "json"], in: s.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains(
        "{\"path\":\"buf/validate/validate.proto\",\"import_path\":\"buf/validate/validate.proto\",\"is_import\":true,\"module\":\"buf.build/bufbuild/protovalidate\",\"version\":\"2.1.0\"}\n"
      ))
    #expect(r.stdout.contains("{\"path\":\"a.proto\",\"import_path\":\"a.proto\",\"is_import\":false}\n"))
  }
}
