// examples/sse-streaming, TypeScript and OpenAPI parts: the committed generated files are what
// the backends produce for the example's protos (SEBUF_UPDATE_GOLDEN=1 rewrites them), the
// OpenAPI document validates, and the TS demo compiles with tsc and runs on Node with the
// expected output (stream cancelled on break and on abort).

import Backends
import Foundation
import Proto
import TestSupport
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
    let image = try TSAPIOracle.compiled(
      root: Self.example.appendingPathComponent("proto"), displayPrefix: "proto", targets: targets)
    let update = ProcessInfo.processInfo.environment["SEBUF_UPDATE_GOLDEN"] == "1"
    for job in Self.jobs {
      let files = try job.backend.generate(
        GenerationRequest(image: image, filesToGenerate: targets, options: job.options))
      let dir = Self.example.appendingPathComponent(job.out)
      if update {
        try? FileManager.default.removeItem(at: dir)
        try TSAPIOracle.write(files, to: dir)
        Issue.record("rewrote \(job.out); review the diff and rerun without SEBUF_UPDATE_GOLDEN")
        continue
      }
      for f in files {
        let committed = try? Data(contentsOf: dir.appendingPathComponent(f.path))
        #expect(
          committed.map(Array.init) == f.contents,
          "\(job.out)/\(f.path) is stale: run `sebuf generate` in examples/sse-streaming")
      }
    }
  }

  @Test(.oracle("tsc", "node")) func demoRunsOnNode() throws {
    try OracleTools.require(["tsc", "node"])
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

  /// The generated TS client against the generated Go server of the same example: unary call,
  /// early break (the Go server sees the disconnect), named `event: trade` frames, and a
  /// stream that fails before its first event (a real 404 as ApiError).
  @Test(.oracle("go", "tsc", "node", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/"))
  func tsClientAgainstGoServer() throws {
    try OracleTools.require([
      "go", "tsc", "node", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/",
    ])
    let dir = try TSAPIOracle.tempDir("cross")
    defer { try? FileManager.default.removeItem(at: dir) }
    for sub in ["go", "ts"] {
      try FileManager.default.copyItem(
        at: Self.example.appendingPathComponent(sub), to: dir.appendingPathComponent(sub))
    }
    try? FileManager.default.removeItem(at: dir.appendingPathComponent("ts/out"))
    let go = dir.appendingPathComponent("go")
    let replaces = ["google.golang.org/protobuf", "github.com/golang/protobuf", "github.com/google/go-cmp"]
      .flatMap { ["-replace", "\($0)=/usr/share/gocode/src/\($0)"] }
    let (editCode, editOut) = try TSAPIOracle.run(["go", "mod", "edit"] + replaces, cwd: go)
    try #require(editCode == 0, "\(editOut)")
    let env = ["env", "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOTOOLCHAIN=local"]
    let (buildCode, buildOut) = try TSAPIOracle.run(
      env + ["go", "build", "-o", "server-bin", "./server"], cwd: go, timeout: 600)
    try #require(buildCode == 0, "go build:\n\(buildOut)")
    let ts = dir.appendingPathComponent("ts")
    let (tscCode, tscOut) = try TSAPIOracle.run(["tsc", "-p", "."], cwd: ts)
    try #require(tscCode == 0, "\(tscOut)")

    // Start the Go server on a free port (picked by the OS via a probe listener in node).
    let (portCode, portOut) = try TSAPIOracle.run(
      [
        "node", "-e",
        "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
      ], cwd: ts)
    try #require(portCode == 0)
    let port = portOut.trimmingCharacters(in: .whitespacesAndNewlines)
    let server = Process()
    server.executableURL = go.appendingPathComponent("server-bin")
    server.arguments = ["-addr", "127.0.0.1:\(port)", "-interval", "20ms"]
    let log = dir.appendingPathComponent("server.log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let logHandle = try FileHandle(forWritingTo: log)
    server.standardOutput = logHandle
    server.standardError = logHandle
    try server.run()
    defer {
      if server.isRunning { server.terminate() }
      server.waitUntilExit()
      try? logHandle.close()
    }
    let script = """
      import { MarketDataServiceClient } from "./out/generated/client/services/index.js";
      import { ApiError } from "./out/generated/client/errors.js";
      const c = new MarketDataServiceClient("http://127.0.0.1:\(port)");
      for (let i = 0; ; i++) {
        try { await c.getQuote({ symbol: "AAPL" }); break; } catch (e) { if (i > 100) throw e; await new Promise((r) => setTimeout(r, 100)); }
      }
      console.log("quote " + (await c.getQuote({ symbol: "AAPL" })).symbol);
      let n = 0;
      for await (const q of c.streamQuotes({ symbol: "GOOG" })) { console.log("streamed " + q.symbol); if (++n === 3) break; }
      for await (const t of c.streamTrades({ symbol: "MSFT", limit: 3 })) console.log("trade " + t.id + " " + t.symbol);
      try {
        for await (const q of c.streamQuotes({ symbol: "NOPE" })) console.log("unexpected", q);
      } catch (e) {
        console.log("error " + (e instanceof ApiError) + " " + e.statusCode + " " + e.body);
      }
      """
    try Data(script.utf8).write(to: ts.appendingPathComponent("cross.mjs"))
    let (code, output) = try TSAPIOracle.run(["node", "cross.mjs"], cwd: ts, timeout: 60)
    #expect(code == 0, "\(output)")
    #expect(
      output.split(separator: "\n").map(String.init) == [
        "quote AAPL", "streamed GOOG", "streamed GOOG", "streamed GOOG",
        "trade t1 MSFT", "trade t2 MSFT", "trade t3 MSFT",
        #"error true 404 {"message":"unknown symbol NOPE"}"#,
      ], "\(output)")
    // The early break closed the connection: the Go handler saw its context cancelled.
    var serverLog = ""
    for _ in 0..<50 {
      serverLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      if serverLog.contains("StreamQuotes(GOOG): client disconnected") { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    #expect(serverLog.contains("StreamQuotes(GOOG): client disconnected"), "\(serverLog)")
  }
}
