import Foundation
import TestSupport
import Testing

/// Small buf repositories in the styles buf users write, each run unchanged with buf 1.75 and
/// with sebuf: the same files generated, the same plugin requests, the same exit codes and the
/// same lint findings.
@Suite(.serialized) struct BufMigrationTests {
  static let weather = """
    syntax = "proto3";
    package acme.weather.v1;
    import "google/protobuf/timestamp.proto";
    // A reading.
    message Reading {
      int64 at = 1;
      string station = 2;
      google.protobuf.Timestamp taken = 3;
    }
    """

  static let alerts = """
    syntax = "proto3";
    package acme.alerts.v1;
    import "acme/weather/v1/weather.proto";
    message Alert { acme.weather.v1.Reading reading = 1; }
    """

  /// Runs `args` with both tools and returns (buf, sebuf).
  func both(_ args: [String], in dir: URL) throws -> (buf: Migration.Run, sebuf: Migration.Run) {
    (try Migration.run("buf", args, in: dir), try Migration.run("sebuf", args, in: dir))
  }

  /// `buf generate` into a copy, `sebuf generate` into another; the trees must be identical.
  func sameGeneratedFiles(_ files: [String: String], outs: [String], _ comment: Comment) throws {
    try OracleTools.require(["buf", "protoc-gen-go"])
    let a = try Migration.repo(files)
    let b = try Migration.repo(files)
    defer {
      try? FileManager.default.removeItem(at: a)
      try? FileManager.default.removeItem(at: b)
    }
    let buf = try Migration.run("buf", ["generate"], in: a)
    let sebuf = try Migration.run("sebuf", ["generate"], in: b)
    #expect(buf.code == 0, "\(comment): buf: \(buf.stderr)")
    #expect(sebuf.code == buf.code, "\(comment): sebuf: \(sebuf.stderr)")
    #expect(Migration.targets(sebuf.requests) == Migration.targets(buf.requests), comment)
    for out in outs {
      let want = Migration.tree(a.appendingPathComponent(out))
      let got = Migration.tree(b.appendingPathComponent(out))
      #expect(!want.isEmpty, "\(comment): buf wrote nothing under \(out)")
      #expect(got.keys.sorted() == want.keys.sorted(), comment)
      for (name, data) in want where got[name] != data {
        Issue.record("\(comment): \(out)/\(name) differs")
      }
    }
  }

  // MARK: - Generation

  @Test(.oracle("buf", "protoc-gen-go")) func singleModuleAtTheRootWithManagedGo() throws {
    try sameGeneratedFiles(
      [
        "buf.yaml": "version: v2\n",
        "buf.gen.yaml": """
        version: v2
        managed:
          enabled: true
          override:
            - file_option: go_package_prefix
              value: example.com/acme/gen
        plugins:
          - local: protoc-gen-go
            out: gen
            opt: paths=source_relative
        """,
        "acme/weather/v1/weather.proto": Self.weather,
        "acme/alerts/v1/alerts.proto": Self.alerts,
      ], outs: ["gen"], "single module at .")
  }

  @Test(.oracle("buf", "protoc-gen-go")) func severalModulesWithImportPathsAndAModuleLeftAlone() throws {
    try sameGeneratedFiles(
      [
        "buf.yaml": """
        version: v2
        modules:
          - path: proto/weather
            name: buf.build/acme/weather
          - path: proto/alerts
        """,
        "buf.gen.yaml": """
        version: v2
        managed:
          enabled: true
          override:
            - file_option: go_package_prefix
              value: example.com/acme/gen
            - file_option: go_package_prefix
              module: buf.build/acme/weather
              value: ""
        plugins:
          - local: protoc-gen-go
            out: gen
        """,
        "proto/weather/acme/weather/v1/weather.proto": Self.weather.replacingOccurrences(
          of: "package acme.weather.v1;",
          with: "package acme.weather.v1;\noption go_package = \"example.com/own/weatherv1\";"
        ),
        "proto/alerts/acme/alerts/v1/alerts.proto": Self.alerts,
      ], outs: ["gen"], "module-scoped empty value")
  }

  @Test(.oracle("buf", "protoc-gen-go")) func strategyAllAndInputsNamingAModule() throws {
    try sameGeneratedFiles(
      [
        "buf.yaml": "version: v2\nmodules:\n  - path: proto\n",
        "buf.gen.yaml": """
        version: v2
        managed:
          enabled: true
          override:
            - file_option: go_package_prefix
              value: example.com/acme/gen
        plugins:
          - local: protoc-gen-go
            out: gen/go
            opt: [paths=import]
            strategy: all
        inputs:
          - directory: proto
        """,
        "proto/acme/weather/v1/weather.proto": Self.weather,
        "proto/acme/alerts/v1/alerts.proto": Self.alerts,
      ], outs: ["gen/go"], "strategy all + inputs")
  }

  @Test(.oracle("buf")) func optionListsAndEscapedCommasReachThePluginAsBufSendsThem() throws {
    try OracleTools.require(["buf"])
    let dir = try Migration.repo([
      "buf.yaml": "version: v2\n",
      "buf.gen.yaml": """
      version: v2
      plugins:
        - local: bin/protoc-gen-capture
          out: a
          opt:
            - bundle=true
            - bundle_description=One\\, two\\, three
            - paths=source_relative
        - local: bin/protoc-gen-capture
          out: b
          opt: single=value
          strategy: all
      """,
      "acme/weather/v1/weather.proto": Self.weather,
      "acme/alerts/v1/alerts.proto": Self.alerts,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (buf, sebuf) = try both(["generate"], in: dir)
    #expect(buf.code == 0 && sebuf.code == 0, "\(sebuf.stderr)")
    #expect(Migration.targets(sebuf.requests) == Migration.targets(buf.requests))
    #expect(
      Migration.targets(buf.requests).contains {
        $0.hasSuffix("bundle_description=One\\, two\\, three,paths=source_relative")
      })
  }

  @Test(.oracle("buf", "protoc-gen-go")) func cleanRemovesWhatTheRunDidNotProduceAndKeepsUnchangedFiles() throws {
    try OracleTools.require(["buf", "protoc-gen-go"])
    let files = [
      "buf.yaml": "version: v2\n",
      "buf.gen.yaml": """
      version: v2
      clean: true
      managed:
        enabled: true
        override:
          - file_option: go_package_prefix
            value: example.com/acme/gen
      plugins:
        - local: protoc-gen-go
          out: gen
          opt: paths=source_relative
      """,
      "acme/weather/v1/weather.proto": Self.weather,
    ]
    var trees: [String: [String: Data]] = [:]
    var mtimes: [String: Date] = [:]
    for tool in ["buf", "sebuf"] {
      let dir = try Migration.repo(files)
      defer { try? FileManager.default.removeItem(at: dir) }
      #expect(try Migration.run(tool, ["generate"], in: dir).code == 0)
      let gen = dir.appendingPathComponent("gen")
      for (path, text) in ["stray.txt": "x", "old/deep/z.go": "y", ".hidden/h": "h"] {
        let url = gen.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
      }
      let kept = gen.appendingPathComponent("acme/weather/v1/weather.pb.go").path
      let old = Date(timeIntervalSince1970: 1_577_836_800)
      try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: kept)
      let second = try Migration.run(tool, ["generate"], in: dir)
      #expect(second.code == 0, "\(tool): \(second.stderr)")
      trees[tool] = Migration.tree(gen)
      mtimes[tool] = try FileManager.default.attributesOfItem(atPath: kept)[.modificationDate] as? Date
      let dirs = (FileManager.default.enumerator(atPath: gen.path)?.allObjects as? [String] ?? []).filter {
        $0.hasPrefix("old") || $0.hasPrefix(".hidden")
      }
      #expect(dirs.isEmpty, "\(tool) left \(dirs)")
      #expect(mtimes[tool] == old, "\(tool) rewrote an unchanged file")
    }
    #expect(trees["buf"]?.keys.sorted() == ["acme/weather/v1/weather.pb.go"])
    #expect(trees["sebuf"]?.keys.sorted() == trees["buf"]?.keys.sorted())
  }

  @Test(.oracle("buf")) func cleanRefusesTheWorkspaceItselfAsOut() throws {
    try OracleTools.require(["buf"])
    let dir = try Migration.repo([
      "buf.yaml": "version: v2\n",
      "buf.gen.yaml": "version: v2\nclean: true\nplugins:\n  - local: bin/protoc-gen-capture\n    out: .\n",
      "acme/weather/v1/weather.proto": Self.weather,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (buf, sebuf) = try both(["generate"], in: dir)
    #expect(buf.code == 1)
    #expect(sebuf.code == buf.code, "\(sebuf.stderr)")
    #expect(sebuf.stderr.contains("out \".\""))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("acme/weather/v1/weather.proto").path))
  }

  // MARK: - Only generate reads buf.gen.yaml

  @Test(.oracle("buf")) func lintAndBuildIgnoreAGenerationFileSebufCannotRun() throws {
    try OracleTools.require(["buf"])
    let dir = try Migration.repo([
      "buf.yaml": "version: v2\n",
      // A remote plugin and a protoc builtin: buf's lint and build never read them, nor does sebuf's.
      "buf.gen.yaml": """
      version: v2
      plugins:
        - remote: buf.build/protocolbuffers/go
          out: gen
        - protoc_builtin: java
          out: java
      """,
      "acme/weather/v1/weather.proto": Self.weather,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    for command in [["lint"], ["build"], ["ls-files"]] {
      let (buf, sebuf) = try both(command, in: dir)
      #expect(buf.code == 0, "buf \(command): \(buf.stderr)")
      #expect(sebuf.code == buf.code, "sebuf \(command): \(sebuf.stderr)")
    }
  }

  // MARK: - Lint

  @Test(.oracle("buf")) func lintFindingsAndExitCodeMatchOnADefaultBufYAML() throws {
    try OracleTools.require(["buf"])
    let dir = try Migration.repo([
      "buf.yaml": "version: v2\n",
      "acme/weather/v1/weather.proto": """
      syntax = "proto3";
      package acme.weather.v1;
      message reading { int64 At = 1; }
      enum Kind { FIRST = 0; }
      service Weather { rpc get(reading) returns (reading); }
      """,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (buf, sebuf) = try both(["lint"], in: dir)
    #expect(buf.code == 100)
    #expect(sebuf.code == buf.code, "\(sebuf.stderr)")
    let lines = { (s: String) in s.split(separator: "\n").map(String.init).sorted() }
    #expect(lines(sebuf.stdout) == lines(buf.stdout))
  }

  @Test(.oracle("buf")) func severalModulesEachLintedWithItsOwnBlock() throws {
    try OracleTools.require(["buf"])
    let bad = { (pkg: String) in
      """
      syntax = "proto3";
      package \(pkg);
      message reading { int64 At = 1; }
      enum Kind { FIRST = 0; }
      service Weather { rpc get(reading) returns (reading); }
      """
    }
    let dir = try Migration.repo([
      "buf.yaml": """
      version: v2
      modules:
        - path: proto/a
          lint:
            use: [MINIMAL]
        - path: proto/b
          lint:
            except: [ENUM_ZERO_VALUE_SUFFIX, SERVICE_SUFFIX]
            ignore: [proto/b/acme/b/v1/ignored.proto]
        - path: proto/c
      lint:
        use: [BASIC]
        except: [ENUM_PASCAL_CASE]
        ignore: [proto/a/acme/a/v1/a.proto]
      """,
      "proto/a/acme/a/v1/a.proto": bad("acme.a.v1"),
      "proto/a/acme/a/v1/wrong_dir.proto": bad("acme.other.v1"),
      "proto/b/acme/b/v1/b.proto": bad("acme.b.v1"),
      "proto/b/acme/b/v1/ignored.proto": bad("acme.ignored.v1"),
      "proto/c/acme/c/v1/c.proto": bad("acme.c.v1"),
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (buf, sebuf) = try both(["lint"], in: dir)
    #expect(buf.code == 100)
    #expect(sebuf.code == buf.code, "\(sebuf.stderr)")
    let lines = { (s: String) in s.split(separator: "\n").map(String.init).sorted() }
    #expect(lines(sebuf.stdout) == lines(buf.stdout))
  }

  @Test(.oracle("buf", "git")) func severalModulesEachCheckedWithTheirOwnBreakingBlock() throws {
    try OracleTools.require(["buf", "git"])
    let v1 = { (pkg: String) in
      "syntax = \"proto3\";\npackage \(pkg);\nmessage Pet { string id = 1; int32 age = 2; }\nmessage Gone {}\n"
    }
    let v2 = { (pkg: String) in
      "syntax = \"proto3\";\npackage \(pkg);\nmessage Pet { double id = 1; int64 years = 2; }\n"
    }
    let bufYAML = """
      version: v2
      modules:
        - path: a
          breaking:
            use: [WIRE]
        - path: b
          breaking:
            use: [FILE]
            ignore: [b/acme/b/v1/ignored.proto]
        - path: c
      breaking:
        use: [WIRE_JSON]

      """
    let repo = try BreakingSupport.tempDir("module-breaking")
    defer { try? FileManager.default.removeItem(at: repo) }
    try BreakingSupport.git(["init", "-q", "-b", "main"], in: repo)
    for (version, make) in [("v1", v1), ("v2", v2)] {
      let files = [
        "buf.yaml": bufYAML, "a/acme/a/v1/a.proto": make("acme.a.v1"), "b/acme/b/v1/b.proto": make("acme.b.v1"),
        "b/acme/b/v1/ignored.proto": make("acme.ignored.v1"), "c/acme/c/v1/c.proto": make("acme.c.v1"),
      ]
      for (path, text) in files {
        let url = repo.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
      }
      try BreakingSupport.git(["add", "-A"], in: repo)
      try BreakingSupport.git(["commit", "-q", "-m", version], in: repo)
    }
    let (buf, sebuf) = try both(["breaking", "--against", ".git#ref=HEAD~1"], in: repo)
    #expect(buf.code == 100, "\(buf.stderr)")
    #expect(sebuf.code == buf.code, "\(sebuf.stderr)")
    let lines = { (s: String) in s.split(separator: "\n").map(String.init).sorted() }
    #expect(lines(sebuf.stdout) == lines(buf.stdout))
    #expect(Set(lines(buf.stdout).map { String($0.prefix(1)) }) == ["a", "b", "c"])
  }

  @Test(.oracle("buf")) func lintSettingsOfTheOneModuleApply() throws {
    try OracleTools.require(["buf"])
    let dir = try Migration.repo([
      "buf.yaml": """
      version: v2
      modules:
        - path: proto
          lint:
            use: [STANDARD]
            except: [ENUM_ZERO_VALUE_SUFFIX, SERVICE_SUFFIX]
            ignore_only:
              FIELD_LOWER_SNAKE_CASE: [proto/acme/weather/v1/weather.proto]
      """,
      "proto/acme/weather/v1/weather.proto": """
      syntax = "proto3";
      package acme.weather.v1;
      message Reading { int64 At = 1; }
      enum Kind { KIND_FIRST = 0; }
      service Weather { rpc Get(Reading) returns (Reading); }
      """,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let (buf, sebuf) = try both(["lint"], in: dir)
    #expect(sebuf.code == buf.code, "\(sebuf.stderr)")
    let lines = { (s: String) in s.split(separator: "\n").map(String.init).sorted() }
    #expect(lines(sebuf.stdout) == lines(buf.stdout))
  }
}
