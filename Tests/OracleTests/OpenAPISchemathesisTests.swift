// The OpenAPI document tells the truth about the generated server. A workspace is generated
// with the sebuf binary (its sebuf.yaml: the openapi document, go-http and protoc-gen-go), its
// Go server is built and served on 127.0.0.1, and `schemathesis run --checks all` fuzzes it
// from the document: request bodies, parameters, status codes, response bodies and SSE events
// (through OpenAPI 3.2's itemSchema). It must find nothing. Two workspaces: examples/sse-streaming
// (GET routes and streams; positive and negative data), and Fixtures/openapi-server (bodies
// on POST/PUT/PATCH, typed query parameters, DELETE, a finite stream; positive data: the
// server's JSON decoding is lenient beyond the document, e.g. `null` for any field).

import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct OpenAPISchemathesisTests {
  static let needs = ["go", "protoc-gen-go", "schemathesis", GoToolchain.protobufSources + "/"]
  static let document = "docs/openapi/MarketDataService.openapi.yaml"

  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/openapi-server")

  @Test(.oracle("go", "protoc-gen-go", "schemathesis", "/usr/share/gocode/src/google.golang.org/protobuf/"))
  func exampleServerMatchesItsDocument() throws {
    try OracleTools.require(Self.needs)
    let example = GoExampleOracleTests.example
    let (dir, url, server) = try Self.serve(example)
    defer {
      server.terminate()
      server.waitUntilExit()
      try? FileManager.default.removeItem(at: dir)
    }
    // The committed document is the one sebuf generates now.
    let committed = try Data(contentsOf: example.appendingPathComponent(Self.document))
    let fresh = try Data(contentsOf: dir.appendingPathComponent(Self.document))
    #expect(committed == fresh, "examples/sse-streaming/\(Self.document) is stale: run `sebuf generate` in the example")

    // Two runs: symbols as generated (mostly unknown: 404 through `default`), and a known
    // symbol, so the quote stream sends events that schemathesis checks against itemSchema.
    let known = dir.appendingPathComponent("known-symbol.toml")
    try Data("[parameters]\n\"path.symbol\" = \"AAPL\"\n".utf8).write(to: known)
    for config in [nil, known] {
      let (code, output) = try Self.schemathesis(
        url: url, document: dir.appendingPathComponent(Self.document), config: config, extra: [], in: dir)
      #expect(code == 0, "schemathesis \(config == nil ? "" : "(symbol AAPL) ")found problems:\n\(output.suffix(6000))")
    }
  }

  @Test(.oracle("go", "protoc-gen-go", "schemathesis", "/usr/share/gocode/src/google.golang.org/protobuf/"))
  func bodiesAndParametersMatchTheDocument() throws {
    try OracleTools.require(Self.needs)
    let (dir, url, server) = try Self.serve(Self.fixture)
    defer {
      server.terminate()
      server.waitUntilExit()
      try? FileManager.default.removeItem(at: dir)
    }
    let (code, output) = try Self.schemathesis(
      url: url, document: dir.appendingPathComponent("docs/NoteService.openapi.yaml"), config: nil,
      extra: ["--mode", "positive"], in: dir)
    #expect(code == 0, "schemathesis found problems:\n\(output.suffix(6000))")
  }

  static func schemathesis(url: String, document: URL, config: URL?, extra: [String], in dir: URL) throws -> (
    Int32, String
  ) {
    var args = ["schemathesis"]
    if let config { args += ["--config-file", config.path] }
    args += ["run", "--checks", "all", "--url", url, "--max-examples", "25", "--request-timeout", "2", "--seed", "13"]
    args += extra + [document.path]
    let (code, output) = try TSAPIOracle.run(args, cwd: dir, timeout: 600)
    #expect(output.contains("passed"), "\(output.suffix(2000))")
    return (code, output)
  }

  /// Copies the workspace, generates it with the sebuf binary, builds its Go server and serves
  /// it on 127.0.0.1; returns the directory, the base URL and the server process.
  static func serve(_ workspace: URL) throws -> (URL, String, Process) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-schemathesis-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: workspace, to: dir)
    try? FileManager.default.removeItem(at: dir.appendingPathComponent(".sebuf"))
    let generate = try GoToolchain.run([try BreakingSupport.sebufBinary(), "generate"], in: dir)
    #expect(generate.status == 0, "sebuf generate:\n\(generate.output)")

    let go = dir.appendingPathComponent("go")
    for (module, path) in [
      ("google.golang.org/protobuf", GoToolchain.protobufSources),
      ("github.com/golang/protobuf", "/usr/share/gocode/src/github.com/golang/protobuf"),
      ("github.com/google/go-cmp", "/usr/share/gocode/src/github.com/google/go-cmp"),
    ] {
      _ = try GoToolchain.run(["go", "mod", "edit", "-replace", "\(module)=\(path)"], in: go)
    }
    let build = try GoToolchain.run(["go", "build", "-o", "server.bin", "./server"], in: go)
    try #require(build.status == 0, "go build:\n\(build.output)")

    let server = Process()
    server.executableURL = go.appendingPathComponent("server.bin")
    server.arguments =
      ["-addr", "127.0.0.1:0"] + (workspace == GoExampleOracleTests.example ? ["-interval", "20ms"] : [])
    let out = Pipe()
    server.standardOutput = out
    server.standardError = FileHandle.nullDevice
    try server.run()
    var banner = Data()
    while !banner.contains(UInt8(ascii: "\n")) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      banner.append(chunk)
    }
    let line = String(decoding: banner, as: UTF8.self)
    let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") }).map(String.init)
    if url == nil { server.terminate() }
    return (dir, try #require(url, "the server did not start: \(line)"), server)
  }
}
