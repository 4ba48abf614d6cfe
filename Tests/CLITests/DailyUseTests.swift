import Foundation
import Testing

/// The frictions of issue 18 that a buf user meets first: typos in command names, empty
/// inputs that must fail CI, a quiet `build`, and output that reads the same on a
/// terminal, in a pipe and in a CI test report.
@Suite struct DailyUseTests {
  // MARK: Unknown commands

  @Test func aMistypedCommandSuggestsTheClosestAndExits64() throws {
    let r = try CLI.run(["lnit"])
    #expect(r.status == 64)
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "error: unknown command 'lnit' for 'sebuf'. Did you mean 'lint'?\nRun 'sebuf --help' for the list of commands.\n"
    )
    let far = try CLI.run(["xyzzy", "--help"])
    #expect(far.status == 64)
    #expect(far.stderr == "error: unknown command 'xyzzy' for 'sebuf'.\nRun 'sebuf --help' for the list of commands.\n")
  }

  @Test func helpForAnUnknownCommandIsAnError() throws {
    let r = try CLI.run(["help", "breakng"])
    #expect(r.status == 64)
    #expect(r.stdout == "")
    #expect(r.stderr.hasPrefix("error: unknown command 'breakng' for 'sebuf help'. Did you mean 'breaking'?\n"))
    // Known commands still get their help.
    let ok = try CLI.run(["help", "lint"])
    #expect(ok.status == 0)
    #expect(ok.stdout.hasPrefix("OVERVIEW: Check .proto files"))
  }

  // MARK: Empty inputs

  @Test(arguments: [["lint"], ["build"], ["ls-files"], ["breaking", "--against", "."]])
  func aDirectoryWithoutProtoFilesFails(_ args: [String]) throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("README.md", "no protos here\n")
    let r = try CLI.run(args, in: s.path)
    #expect(r.status == 1, "\(args): \(r.stderr)")
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "no .proto files in the current directory or below; give the directory that holds them (e.g. `sebuf lint proto`).\n"
    )
  }

  @Test(arguments: [["lint"], ["build"], ["ls-files"], ["breaking", "--against", "."], ["generate"]])
  func aModuleWithoutProtoFilesFails(_ args: [String]) throws {
    let s = Scratch()
    defer { s.remove() }
    s.write(
      "sebuf.yaml",
      "version: v1\nmodules:\n  - path: proto\n  - path: more\ngenerate:\n  - backend: openapi\n    out: docs\n")
    s.write("proto/a/v1/a.proto", "syntax = \"proto3\";\npackage a.v1;\n")
    s.write("more/README.md", "")
    let r = try CLI.run(args, in: s.path)
    #expect(r.status == 1, "\(args): \(r.stderr)")
    #expect(r.stderr == "module \"more\" has no .proto files; check its path (and excludes) in sebuf.yaml.\n")
    #expect(!s.exists("docs") && !s.exists(".sebuf"))
  }

  @Test func anImageInputNeedsNoProtoFilesInTheDirectory() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("src/a/v1/a.proto", "syntax = \"proto3\";\npackage a.v1;\nmessage A { string x = 1; }\n")
    #expect(try CLI.run(["build", "src", "-o", s.path + "/image.binpb"], in: s.path).status == 0)
    s.write("empty/README.md", "")
    let r = try CLI.run(["lint", "--image", s.path + "/image.binpb"], in: s.path + "/empty")
    #expect(r.status == 0, "\(r.stderr)")
  }

  // MARK: Quiet build

  @Test func buildDoesNotReportUnusedImportsButLintDoes() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write(
      "a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nimport \"google/protobuf/empty.proto\";\nmessage A { string x = 1; }\n")
    let build = try CLI.run(["build", "-o", s.path + "/out.binpb"], in: s.path)
    #expect(build.status == 0)
    #expect(build.stderr == "")
    let ls = try CLI.run(["ls-files", "--include-imports"], in: s.path)
    #expect(ls.stderr == "")
    let lint = try CLI.run(["lint"], in: s.path)
    #expect(lint.status == 100)
    #expect(lint.stdout == "a/v1/a.proto:3:1:Import \"google/protobuf/empty.proto\" is unused.\n")
  }

  // MARK: Output details

  /// A workspace with one error (a bad field name) and one `lint.warn` finding.
  func warnWorkspace() -> Scratch {
    let s = Scratch()
    s.write("sebuf.yaml", "version: v1\nlint:\n  warn: [IMPORT_USED]\n")
    s.write(
      "a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nimport \"google/protobuf/empty.proto\";\nmessage A { string Bad = 1; }\n")
    return s
  }

  @Test func aWarningIsNotAJUnitFailure() throws {
    let s = warnWorkspace()
    defer { s.remove() }
    let r = try CLI.run(["lint", "--error-format", "junit"], in: s.path)
    #expect(r.status == 100)
    #expect(r.stdout.contains("tests=\"2\" failures=\"1\""))
    #expect(
      r.stdout.contains(
        "<testcase name=\"IMPORT_USED_3_1\">\n      <system-out>a/v1/a.proto:3:1:warning: Import &#34;google/protobuf/empty.proto&#34; is unused.</system-out>\n    </testcase>"
      ))
    #expect(r.stdout.components(separatedBy: "<failure ").count == 2)
  }

  @Test func colourIsForcedByCLICOLOR_FORCEOrFORCE_COLORAndNO_COLORWins() throws {
    let s = warnWorkspace()
    defer { s.remove() }
    let plain = try CLI.run(["lint"], in: s.path)
    #expect(!plain.stdout.contains("\u{1B}["))
    for v in ["CLICOLOR_FORCE", "FORCE_COLOR"] {
      let forced = try CLI.run(["lint"], in: s.path, env: [v: "1"])
      #expect(forced.stdout.contains("\u{1B}[1ma/v1/a.proto:3:1:\u{1B}[0m\u{1B}[33mwarning: \u{1B}[0mImport"), "\(v)")
      // The words are the same as the plain text's: only escapes are added.
      #expect(Self.stripEscapes(forced.stdout) == plain.stdout, "\(v)")
      #expect(!(try CLI.run(["lint"], in: s.path, env: [v: "0"])).stdout.contains("\u{1B}["))
      #expect(!(try CLI.run(["lint"], in: s.path, env: [v: "1", "NO_COLOR": "1"])).stdout.contains("\u{1B}["))
    }
  }

  @Test func anErrorWithoutALocationReadsTheSameWithColour() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("a.proto", "syntax = \"proto3\";\npackage a;\n")
    let plain = try CLI.run(["breaking"], in: s.path)
    let forced = try CLI.run(["breaking"], in: s.path, env: ["FORCE_COLOR": "1"])
    #expect(plain.status == 1 && forced.status == 1)
    #expect(plain.stderr.hasPrefix("Give --against"))
    #expect(Self.stripEscapes(forced.stderr) == plain.stderr)
  }

  @Test func aFailedOnlyLeavesNoStateDirectory() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("sebuf.yaml", "version: v1\ngenerate:\n  - backend: openapi\n    out: docs\n")
    s.write("a/v1/a.proto", "syntax = \"proto3\";\npackage a.v1;\n")
    let r = try CLI.run(["generate", "--only", "nosuch"], in: s.path)
    #expect(r.status == 1)
    #expect(r.stderr == "--only nosuch matches no generate entry; entries: openapi\n")
    #expect(!s.exists(".sebuf"))
    #expect(!s.exists("docs"))
  }

  static func stripEscapes(_ s: String) -> String {
    s.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }
}

/// `lint --use`, the option whose values the completion offers.
@Suite struct LintUseTests {
  @Test func useReplacesTheConfiguredRules() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write(
      "a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nimport \"google/protobuf/empty.proto\";\nmessage A { string Bad = 1; }\n")
    let only = try CLI.run(["lint", "--use", "IMPORT_USED"], in: s.path)
    #expect(only.status == 100)
    #expect(only.stdout == "a/v1/a.proto:3:1:Import \"google/protobuf/empty.proto\" is unused.\n")
    let unknown = try CLI.run(["lint", "--use", "IMPORT_USD"], in: s.path)
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("\"IMPORT_USD\" is not a known lint rule or category ID"))
  }
}

/// Flags buf users type: `build -o -` and `--exclude-path`.
@Suite struct BufFlagTests {
  static func vendored() -> Scratch {
    let s = Scratch()
    s.write("sebuf.yaml", "version: v1\nmodules:\n  - path: proto\n")
    s.write(
      "proto/a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nimport \"vendor/x/v1/x.proto\";\nmessage A { x.v1.X x = 1; }\n")
    s.write("proto/vendor/x/v1/x.proto", "syntax = \"proto3\";\npackage x.v1;\nmessage X { string Bad = 1; }\n")
    return s
  }

  @Test func buildDashOWritesTheBinaryImageToStdout() throws {
    let s = Self.vendored()
    defer { s.remove() }
    let file = try CLI.run(["build", "-o", s.path + "/image.binpb"], in: s.path)
    #expect(file.status == 0)
    // Compare bytes through a shell: CLI.run decodes stdout as text.
    let r = try CLI.runTool(
      "/bin/sh", ["-c", "'\(CLI.binary)' build -o - | cmp - image.binpb && echo same"], in: s.path)
    #expect(r.stdout == "same\n", "\(r.stderr)")
  }

  @Test func excludePathLeavesFilesOutButImportsStillResolve() throws {
    let s = Self.vendored()
    defer { s.remove() }
    #expect(try CLI.run(["ls-files", "--exclude-path", "proto/vendor"], in: s.path).stdout == "proto/a/v1/a.proto\n")
    #expect(try CLI.run(["lint"], in: s.path).status == 100)
    let lint = try CLI.run(["lint", "--exclude-path", "proto/vendor"], in: s.path)
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    // Relative to the current directory, like --path.
    let fromInside = try CLI.run(["lint", "..", "--exclude-path", "vendor"], in: s.path + "/proto")
    #expect(fromInside.status == 0, "\(fromInside.stdout)\(fromInside.stderr)")
    let build = try CLI.run(
      ["build", "--exclude-path", "proto/vendor/x/v1/x.proto", "--exclude-imports", "-o", s.path + "/a.json"],
      in: s.path)
    #expect(build.status == 0)
    let json = s.read("a.json") ?? ""
    #expect(json.contains("{\"name\":\"a/v1/a.proto\"") && !json.contains("{\"name\":\"vendor/x/v1/x.proto\""))
    let breaking = try CLI.run(["breaking", "--against", ".", "--exclude-path", "proto/vendor"], in: s.path)
    #expect(breaking.status == 0, "\(breaking.stderr)")
  }

  @Test func excludingEverythingOrOutsideTheWorkspaceFails() throws {
    let s = Self.vendored()
    defer { s.remove() }
    let all = try CLI.run(["lint", "--exclude-path", "proto"], in: s.path)
    #expect(all.status == 1)
    #expect(all.stderr == "module \"proto\" has no .proto files; check its path (and excludes) in sebuf.yaml.\n")
    let outside = try CLI.run(["ls-files", "--exclude-path", "/"], in: s.path)
    #expect(outside.status == 1)
    #expect(outside.stderr.hasPrefix("--exclude-path / is outside the workspace"))
  }
}

/// Progress on a terminal (under `script`, which gives the run a pseudo-terminal),
/// nothing when piped; `generate -v` says what ran and how long each stage took.
@Suite struct ProgressAndDebugTests {
  @Test func breakingAndLintShowStagesOnATerminalOnly() throws {
    let s = BufFlagTests.vendored()
    defer { s.remove() }
    let tty = try CLI.runTool(
      "/usr/bin/script", ["-qec", "'\(CLI.binary)' breaking --against . --exclude-path proto/vendor", "/dev/null"],
      in: s.path)
    #expect(tty.status == 0, "\(tty.stdout)")
    for stage in ["compiling the workspace…", "compiling --against .…", "checking 1 file…"] {
      #expect(tty.stdout.contains("\u{1B}[2K" + stage + " "), "\(stage)")
    }
    #expect(tty.stdout.hasSuffix("\r\u{1B}[2K"))
    let lint = try CLI.runTool("/usr/bin/script", ["-qec", "'\(CLI.binary)' lint", "/dev/null"], in: s.path)
    #expect(lint.stdout.contains("\u{1B}[2Klinting 2 files… "))
    let piped = try CLI.run(["breaking", "--against", ".", "--exclude-path", "proto/vendor"], in: s.path)
    #expect(piped.status == 0 && piped.stdout == "" && piped.stderr == "")
  }

  @Test func generateDebugPrintsJobsAndStageTimes() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("sebuf.yaml", "version: v1\ngenerate:\n  - backend: openapi\n    out: docs\n")
    s.write(
      "a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nservice S { rpc Get(A) returns (A); }\nmessage A { string x = 1; }\n")
    let r = try CLI.run(["generate", "-v"], in: s.path, unset: ["SEBUF_TIMINGS"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "")
    #expect(r.stderr.contains("sebuf timings:\n  fingerprint sources: "))
    #expect(r.stderr.contains("\n  compile: "))
    #expect(r.stderr.contains("openapi → docs:\n  new       docs/"))
    let quiet = try CLI.run(["generate", "--force"], in: s.path, unset: ["SEBUF_TIMINGS"])
    #expect(!quiet.stderr.contains("sebuf timings"))
  }
}

/// `generate --include-imports` / `--include-wkt` on the command line, as in buf.
@Suite struct GenerateIncludeFlagTests {
  @Test func includeImportsGeneratesForImportedFilesToo() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("sebuf.yaml", "version: v1\nmodules:\n  - path: proto\ngenerate:\n  - backend: openapi\n    out: docs\n")
    s.write(
      "proto/a/v1/a.proto",
      "syntax = \"proto3\";\npackage a.v1;\nimport \"x/v1/x.proto\";\nservice S { rpc Get(x.v1.X) returns (x.v1.X); }\n"
    )
    s.write(
      "proto/x/v1/x.proto",
      "syntax = \"proto3\";\npackage x.v1;\nmessage X { string y = 1; }\nservice XS { rpc Get(X) returns (X); }\n")
    let targets = try CLI.run(["generate", "--path", "proto/a"], in: s.path)
    #expect(targets.status == 0, "\(targets.stderr)")
    #expect(s.exists("docs/S.openapi.yaml") && !s.exists("docs/XS.openapi.yaml"))
    let imports = try CLI.run(["generate", "--path", "proto/a", "--include-imports"], in: s.path)
    #expect(imports.status == 0, "\(imports.stderr)")
    #expect(s.exists("docs/XS.openapi.yaml"))
    let wkt = try CLI.run(["generate", "--include-wkt"], in: s.path)
    #expect(wkt.status == 64)
    #expect(wkt.stderr.hasPrefix("Error: --include-wkt needs --include-imports (as in buf)"))
  }
}
