// Oracles for the openapi, ts-client and ts-server backends: every generated TypeScript module
// passes `tsc --strict`, every OpenAPI document passes openapi-spec-validator, and a real Node
// run serves ts-server routes behind node:http and calls them with the ts-client (unary verbs,
// SSE, early stop, errors before/after the first event, the SSE parser's edge cases).

import Backends
import Foundation
import Proto
import TestSupport
import Testing

enum TSAPIOracle {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("BackendsTests/Golden/corpus")

  /// (image, targets) of the corpus cases.
  static let cases: [(name: String, targets: [String])] = [
    ("sse", ["sse/v1/sse.proto"]), ("crud", ["api/v1/crud.proto", "api/v1/orders.proto"]),
    ("encoding", ["encoding/v1/encoding.proto"]),
    ("crosspkg", ["crosspkg/common/v1/types.proto", "crosspkg/shop/v1/service.proto"]), ("e2e", ["e2e/v1/e2e.proto"]),
    ("validation", ["validation/v1/validation.proto"]),
  ]

  static let packageRoot = corpus.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Compiles protos under `root` with sebuf's compiler.
  static func compiled(root: URL, displayPrefix: String = "", targets: [String]) throws -> Image {
    let (image, diagnostics) = compile(
      SourceSet(roots: [.init(directory: root.path, displayPrefix: displayPrefix)], targets: targets))
    return try #require(image, "compile failed: \(diagnostics)")
  }

  static func image(_ name: String, targets: [String]) throws -> Image {
    try compiled(root: corpus.appendingPathComponent("protos"), targets: targets)
  }

  static func tempDir(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-tsapi-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ files: [GeneratedFile], to dir: URL) throws {
    for f in files {
      let url = dir.appendingPathComponent(f.path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(f.contents).write(to: url)
    }
  }

  /// Runs a tool (via PATH); returns exit code and combined output. Killed after `timeout` s.
  static func run(_ args: [String], cwd: URL, timeout: Double = 120) throws -> (Int32, String) {
    signal(SIGPIPE, SIG_IGN)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.currentDirectoryURL = cwd
    let log = cwd.appendingPathComponent(".run-\(UUID().uuidString).log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    p.standardOutput = handle
    p.standardError = handle
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(timeout)
    while p.isRunning {
      if Date() > deadline {
        p.terminate()
        break
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    p.waitUntilExit()
    try? handle.close()
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(at: log)
    return (p.terminationStatus, text)
  }

  static let tscFlags = [
    "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext",
    "--lib", "es2022,dom", "--skipLibCheck",
  ]

  static func tsFiles(in dir: URL) -> [String] {
    let e = FileManager.default.enumerator(atPath: dir.path)
    var out: [String] = []
    while let p = e?.nextObject() as? String { if p.hasSuffix(".ts") { out.append(p) } }
    return out.sorted()
  }
}

@Suite(.serialized) struct TSAPIOracleTests {
  @Test(.oracle("tsc")) func generatedTypeScriptPassesStrictTsc() throws {
    try OracleTools.require(["tsc"])
    let backends: [any Backend] = [TSClientBackend(), TSServerBackend()]
    for c in TSAPIOracle.cases {
      let image = try TSAPIOracle.image(c.name, targets: c.targets)
      for backend in backends {
        let dir = try TSAPIOracle.tempDir("tsc")
        defer { try? FileManager.default.removeItem(at: dir) }
        try TSAPIOracle.write(
          try backend.generate(GenerationRequest(image: image, filesToGenerate: c.targets)), to: dir)
        try Data(#"{"type":"module"}"#.utf8).write(to: dir.appendingPathComponent("package.json"))
        let files = TSAPIOracle.tsFiles(in: dir)
        #expect(files.count >= 4)
        let (code, output) = try TSAPIOracle.run(["tsc", "--noEmit"] + TSAPIOracle.tscFlags + files, cwd: dir)
        #expect(code == 0, "tsc rejected \(backend.name) output for \(c.name):\n\(output)")
      }
    }
  }

  @Test(.oracle("py:openapi_spec_validator")) func openAPIDocumentsPassTheSpecValidator() throws {
    try OracleTools.require(["py:openapi_spec_validator"])
    let dir = try TSAPIOracle.tempDir("openapi")
    defer { try? FileManager.default.removeItem(at: dir) }
    var count = 0
    let optionSets: [[(key: String, value: String)]] = [
      [], [("format", "json")],
      [
        ("bundle", "true"), ("bundle_title", "All"), ("bundle_server", "https://example.com"),
        ("bundle_license_name", "MIT"), ("bundle_contact_email", "a@example.com"),
      ],
    ]
    for c in TSAPIOracle.cases {
      let image = try TSAPIOracle.image(c.name, targets: c.targets)
      for (i, options) in optionSets.enumerated() {
        let files = try OpenAPIBackend().generate(
          GenerationRequest(image: image, filesToGenerate: c.targets, options: options))
        try TSAPIOracle.write(
          files.map { GeneratedFile(path: "\(c.name)-\(i)/\($0.path)", contents: $0.contents) }, to: dir)
        count += files.count
      }
    }
    let script = """
      import json, pathlib, sys, yaml
      from openapi_spec_validator import validate
      n = 0
      for p in sorted(pathlib.Path('.').rglob('*.openapi.*')) + sorted(pathlib.Path('.').rglob('openapi.*')):
          doc = json.loads(p.read_text()) if p.suffix == '.json' else yaml.safe_load(p.read_text())
          try:
              validate(doc)
          except Exception as e:
              print('INVALID', p, e)
              sys.exit(1)
          n += 1
      print('validated', n)
      # The YAML and JSON renderings of every per-service document carry the same data.
      for y in sorted(pathlib.Path('.').glob('*-0/*.openapi.yaml')):
          j = pathlib.Path(str(y.parent)[:-2] + '-1') / (y.name[:-5] + '.json')
          if yaml.safe_load(y.read_text()) != json.loads(j.read_text()):
              print('YAML and JSON differ:', y, j)
              sys.exit(1)
      print('yaml==json')
      """
    let (code, output) = try TSAPIOracle.run(["python3", "-c", script], cwd: dir)
    #expect(code == 0, "openapi-spec-validator:\n\(output)")
    #expect(output.contains("validated \(count)"), "expected \(count) documents: \(output)")
    #expect(output.contains("yaml==json"), "\(output)")
  }

  @Test(.oracle("tsc", "node")) func nodeEndToEnd() throws {
    try OracleTools.require(["tsc", "node"])
    let dir = try TSAPIOracle.tempDir("e2e")
    defer { try? FileManager.default.removeItem(at: dir) }
    let targets = ["e2e/v1/e2e.proto"]
    let image = try TSAPIOracle.image("e2e", targets: targets)
    let src = dir.appendingPathComponent("src")
    try TSAPIOracle.write(
      try TSClientBackend().generate(GenerationRequest(image: image, filesToGenerate: targets)),
      to: src.appendingPathComponent("client"))
    try TSAPIOracle.write(
      try TSServerBackend().generate(GenerationRequest(image: image, filesToGenerate: targets)),
      to: src.appendingPathComponent("server"))
    try Data(#"{"type":"module"}"#.utf8).write(to: dir.appendingPathComponent("package.json"))
    let files = TSAPIOracle.tsFiles(in: src).map { "src/" + $0 }
    let (tscCode, tscOut) = try TSAPIOracle.run(
      ["tsc", "--outDir", "out", "--rootDir", "src"] + TSAPIOracle.tscFlags + files, cwd: dir)
    try #require(tscCode == 0, "tsc:\n\(tscOut)")
    try FileManager.default.copyItem(
      at: TSAPIOracle.corpus.appendingPathComponent("node/e2e-harness.mjs"),
      to: dir.appendingPathComponent("harness.mjs"))
    let (code, output) = try TSAPIOracle.run(["node", "harness.mjs"], cwd: dir, timeout: 90)
    #expect(code == 0, "node end-to-end run failed:\n\(output)")
    let passed = output.split(separator: "\n").filter { $0.hasPrefix("ok ") }.map { String($0.dropFirst(3)) }
    #expect(
      passed == [
        "unary POST", "unary GET", "unary PUT", "unary DELETE", "query parameters",
        "errors: 404 via onError, missing header, missing query, validateRequest, bad JSON", "SSE delivers N events",
        "SSE wire format: data frames, named events, multi-line JSON escaped",
        "SSE early break closes the socket and cancels the handler stream",
        "SSE return() on the generator also cancels", "SSE AbortSignal aborts the stream",
        "SSE error before the first event is an HTTP error", "SSE error after the first event is an event: error frame",
        "SSE parser edge cases", "SSE parser: event: error frame and early stop",
        "SSE abort with a fetch that ignores signals",
      ], "\(output)")
    #expect(output.contains("E2E OK"))
  }
}
