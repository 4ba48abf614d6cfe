// examples/sse-streaming, TypeScript and OpenAPI parts: the committed generated files are what
// the backends produce for the example's protos (SEBUF_UPDATE_GOLDEN=1 rewrites them), the
// OpenAPI document validates, and the TS demo compiles with tsc and runs on Node with the
// expected output (stream cancelled on break and on abort).

import Backends
import Foundation
import Proto
import Testing

@Suite(.serialized) struct TSAPIExampleTests {
  static let example = TSAPIOracle.packageRoot.appendingPathComponent("examples/sse-streaming")

  /// The example's generate entries for these backends (mirrors its sebuf.yaml).
  static let jobs: [(backend: any Backend, out: String, options: [(key: String, value: String)])] = [
    (OpenAPIBackend(), "docs/openapi", [("format", "yaml")]),
    (TSClientBackend(), "ts/generated/client", []),
    (TSServerBackend(), "ts/generated/server", []),
  ]

  @Test func generatedFilesAreCurrent() throws {
    let targets = ["services/market_data.proto"]
    let image = try TSAPIOracle.compiled(root: Self.example.appendingPathComponent("proto"), displayPrefix: "proto", targets: targets)
    let update = ProcessInfo.processInfo.environment["SEBUF_UPDATE_GOLDEN"] == "1"
    for job in Self.jobs {
      let files = try job.backend.generate(GenerationRequest(image: image, filesToGenerate: targets, options: job.options))
      let dir = Self.example.appendingPathComponent(job.out)
      if update {
        try? FileManager.default.removeItem(at: dir)
        try TSAPIOracle.write(files, to: dir)
        Issue.record("rewrote \(job.out); review the diff and rerun without SEBUF_UPDATE_GOLDEN")
        continue
      }
      for f in files {
        let committed = try? Data(contentsOf: dir.appendingPathComponent(f.path))
        #expect(committed.map(Array.init) == f.contents, "\(job.out)/\(f.path) is stale: run `sebuf generate` in examples/sse-streaming")
      }
    }
  }

  @Test func demoRunsOnNode() throws {
    guard TSAPIOracle.available(["tsc", "--version"]), TSAPIOracle.available(["node", "--version"]) else { return }
    let dir = try TSAPIOracle.tempDir("example")
    defer { try? FileManager.default.removeItem(at: dir) }
    let ts = dir.appendingPathComponent("ts")
    try FileManager.default.copyItem(at: Self.example.appendingPathComponent("ts"), to: ts)
    try? FileManager.default.removeItem(at: ts.appendingPathComponent("out"))
    let (tscCode, tscOut) = try TSAPIOracle.run(["tsc", "-p", "."], cwd: ts)
    try #require(tscCode == 0, "tsc -p examples/sse-streaming/ts:\n\(tscOut)")
    let (code, output) = try TSAPIOracle.run(["node", "out/demo.js"], cwd: ts, timeout: 60)
    #expect(code == 0, "\(output)")
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("GetQuote: AAPL bid ") == true, "\(output)")
    #expect(lines.contains(#"GetQuote NOPE: HTTP 404 {"message":"unknown symbol NOPE"}"#), "\(output)")
    #expect(lines.filter { $0.hasPrefix("StreamQuotes: NVDA last ") }.count == 3, "\(output)")
    #expect(lines.contains("server: quote stream for NVDA cancelled after 3 quotes"), "\(output)")
    #expect(lines.filter { $0.hasPrefix("StreamTrades: t") }.count == 4, "\(output)")
    #expect(lines.contains("server: trade stream finished after 4 trades"), "\(output)")
    #expect(lines.contains("aborted: AbortError"), "\(output)")
    #expect(lines.contains { $0.hasPrefix("server: trade stream cancelled after ") }, "\(output)")
  }
}
