// The py-client backend against real tools: every golden passes `mypy --strict` and
// py_compile, the encoding golden writes and reads the JSON of every sebuf annotation, and
// a generated Python client talks over real HTTP (127.0.0.1) to the generated Go server:
// path and query binding, POST bodies, every error type, and SSE streams of a hundred
// events, of 1 MiB events, of named events, failing before the first event and after some,
// and stopped early (break, close(), with) so that the Go handler sees its context cancelled.

import Backends
import Foundation
import Proto
import TestSupport
import Testing

@Suite(.serialized) struct PyClientOracleTests {
  static let goldens = TSAPIOracle.packageRoot.appendingPathComponent("Tests/BackendsTests/Golden/py-client")
  static let gocode = "/usr/share/gocode/src/google.golang.org/protobuf/"

  /// Copies each golden case to a temp dir (py_compile and mypy write caches) and checks it.
  @Test(.oracle("python3", "py:mypy")) func goldensPassMypyStrictAndRun() throws {
    try OracleTools.require(["python3", "py:mypy"])
    let dir = try TSAPIOracle.tempDir("py-goldens")
    defer { try? FileManager.default.removeItem(at: dir) }
    let cases = try FileManager.default.contentsOfDirectory(atPath: Self.goldens.path).filter { !$0.hasPrefix(".") }
      .sorted()
    #expect(cases.contains("encoding"))
    for c in cases {
      let copy = dir.appendingPathComponent(c)
      try FileManager.default.copyItem(at: Self.goldens.appendingPathComponent(c), to: copy)
      var files: [String] = []
      let walker = FileManager.default.enumerator(atPath: copy.path)
      while let f = walker?.nextObject() as? String {
        if f.hasSuffix(".py") { files.append(f) }
      }
      try #require(!files.isEmpty, "\(c): no modules")
      files.sort()
      let (code, out) = try TSAPIOracle.run(["python3", "-m", "py_compile"] + files, cwd: copy)
      #expect(code == 0, "py_compile \(c):\n\(out)")
      // One mypy run per case: modules of different cases may share a name.
      let (mypyCode, mypyOut) = try TSAPIOracle.run(
        [
          "python3", "-m", "mypy", "--strict", "--python-version", "3.10", "--no-incremental", "--cache-dir",
          dir.appendingPathComponent(".mypy").path,
        ] + files,
        cwd: copy, timeout: 300)
      #expect(mypyCode == 0, "mypy --strict \(c):\n\(mypyOut)")
    }
    for (module, script, done) in [
      ("encoding/encoding/v1/encoding_client.py", PyClientOracleFixture.encodingCheck, "encoding ok"),
      ("sse/sse/v1/sse_client.py", PyClientOracleFixture.sseCheck, "sse ok"),
    ] {
      let path = dir.appendingPathComponent(module)
      let cwd = path.deletingLastPathComponent()
      try Data(script.utf8).write(to: cwd.appendingPathComponent("check.py"))
      let (code, out) = try TSAPIOracle.run(["python3", "check.py"], cwd: cwd)
      #expect(code == 0, "\(out)")
      #expect(out.split(separator: "\n").last.map(String.init) == done, "\(out)")
      let (mypyCode, mypyOut) = try TSAPIOracle.run(
        [
          "python3", "-m", "mypy", "--strict", "--python-version", "3.10", "--no-incremental", "--cache-dir",
          dir.appendingPathComponent(".mypy").path,
          "check.py", path.lastPathComponent,
        ],
        cwd: cwd, timeout: 300)
      #expect(mypyCode == 0, "\(mypyOut)")
    }
  }

  /// Proto names that are Python keywords, generated method names or an error class's
  /// constructor parameters, and message names that are builtins or imported modules.
  @Test(.oracle("python3", "py:mypy")) func awkwardNamesStayValidPython() throws {
    try OracleTools.require(["python3", "py:mypy"])
    let dir = try TSAPIOracle.tempDir("py-names")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(PyClientOracleFixture.awkwardNames.utf8).write(to: dir.appendingPathComponent("names.proto"))
    let image = try TSAPIOracle.compiled(root: dir, targets: ["names.proto"])
    let files = try PyClientBackend().generate(GenerationRequest(image: image, filesToGenerate: ["names.proto"]))
    try TSAPIOracle.write(files, to: dir)
    let text = String(decoding: files[0].contents, as: UTF8.self)
    for expected in ["class_: str = \"\"", "to_dict_: str", "self_: int = 0", "status_: int = 0,", "class json_:"] {
      #expect(text.contains(expected), "\(expected)")
    }
    try Data(PyClientOracleFixture.awkwardNamesCheck.utf8).write(to: dir.appendingPathComponent("check.py"))
    let (mypyCode, mypyOut) = try TSAPIOracle.run(
      [
        "python3", "-m", "mypy", "--strict", "--python-version", "3.10", "--no-incremental", "--cache-dir",
        dir.appendingPathComponent(".mypy").path,
        "check.py", "names_client.py",
      ], cwd: dir, timeout: 300)
    #expect(mypyCode == 0, "\(mypyOut)")
    let (code, out) = try TSAPIOracle.run(["python3", "check.py"], cwd: dir)
    #expect(code == 0 && out == "names ok\n", "\(out)")
  }

  @Test(.oracle("go", "python3", "py:mypy", "protoc", "protoc-gen-go", gocode))
  func pythonClientAgainstGoServer() throws {
    try OracleTools.require(["go", "python3", "py:mypy", "protoc", "protoc-gen-go", Self.gocode])
    let dir = try TSAPIOracle.tempDir("py-go")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fm = FileManager.default
    let protoFile = "pyoracle/v1/oracle.proto"
    let proto = dir.appendingPathComponent("proto")
    try fm.createDirectory(at: proto.appendingPathComponent("pyoracle/v1"), withIntermediateDirectories: true)
    try Data(PyClientOracleFixture.proto.utf8).write(to: proto.appendingPathComponent(protoFile))
    let image = try TSAPIOracle.compiled(root: proto, displayPrefix: "proto", targets: [protoFile])

    // The Go server: protoc-gen-go for the messages, go-http for the handlers.
    let go = dir.appendingPathComponent("go")
    try fm.createDirectory(at: go.appendingPathComponent("api"), withIntermediateDirectories: true)
    try fm.createDirectory(at: go.appendingPathComponent("server"), withIntermediateDirectories: true)
    try Data(GoToolchain.goMod(module: "example.com/pyoracle").utf8).write(to: go.appendingPathComponent("go.mod"))
    try Data(PyClientOracleFixture.server.utf8).write(to: go.appendingPathComponent("server/main.go"))
    let sebufPackage = "example.com/pyoracle/api/sebuf/http"
    let mappings = [
      ("M\(protoFile)", "example.com/pyoracle/api/pyoracle/v1;oraclev1"),
      ("Msebuf/http/annotations.proto", sebufPackage), ("Msebuf/http/headers.proto", sebufPackage),
    ]
    var protoc = [
      "protoc", "-I", proto.path, "-I", GoBackendsOracleTests.bundled.path, "-I", "/usr/include",
      "--go_out=api", "--go_opt=paths=source_relative",
    ]
    protoc +=
      mappings.map { "--go_opt=\($0.0)=\($0.1)" } + [
        protoFile, "sebuf/http/annotations.proto", "sebuf/http/headers.proto",
      ]
    let messages = try GoToolchain.run(protoc, in: go)
    try #require(messages.status == 0, "protoc-gen-go:\n\(messages.output)")
    let goFiles = try GoHTTPBackend().generate(
      GenerationRequest(
        image: image, filesToGenerate: [protoFile],
        // The fixture server uses the package's own error types (HTTPError).
        options: [("paths", "source_relative"), ("self_contained", "true")] + mappings))
    try TSAPIOracle.write(goFiles, to: go.appendingPathComponent("api"))
    let build = try GoToolchain.run(["go", "build", "-o", "server.bin", "./server"], in: go)
    try #require(build.status == 0, "go build:\n\(build.output)")

    // The Python client, type-checked together with the driver that uses it.
    let py = dir.appendingPathComponent("py")
    let pyFiles = try PyClientBackend().generate(GenerationRequest(image: image, filesToGenerate: [protoFile]))
    #expect(pyFiles.map(\.path) == ["pyoracle/v1/oracle_client.py"])
    try TSAPIOracle.write(pyFiles, to: py)
    let module = py.appendingPathComponent("pyoracle/v1")
    try Data(PyClientOracleFixture.driver.utf8).write(to: module.appendingPathComponent("driver.py"))
    let (mypyCode, mypyOut) = try TSAPIOracle.run(
      [
        "python3", "-m", "mypy", "--strict", "--python-version", "3.10", "--no-incremental", "--cache-dir",
        dir.appendingPathComponent(".mypy").path,
        "driver.py", "oracle_client.py",
      ],
      cwd: module, timeout: 300)
    #expect(mypyCode == 0, "mypy --strict:\n\(mypyOut)")

    let server = Process()
    server.executableURL = go.appendingPathComponent("server.bin")
    let out = Pipe()
    server.standardOutput = out
    let log = dir.appendingPathComponent("server.log")
    fm.createFile(atPath: log.path, contents: nil)
    let logHandle = try FileHandle(forWritingTo: log)
    server.standardError = logHandle
    try server.run()
    defer {
      if server.isRunning { server.terminate() }
      server.waitUntilExit()
      try? logHandle.close()
    }
    var banner = Data()
    while !banner.contains(UInt8(ascii: "\n")) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      banner.append(chunk)
    }
    let url = String(decoding: banner, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    try #require(url.hasPrefix("http://127.0.0.1:"), "server said: \(url)")

    let (code, output) = try TSAPIOracle.run(["python3", "driver.py", url], cwd: module, timeout: 120)
    #expect(code == 0, "\(output)")
    #expect(
      output.split(separator: "\n").map(String.init) == [
        "get a b/c item a b/c KIND_BOOK ['x', 'y z'] True 2.5 9007199254740993",
        "create i-2 lamp 1999 KIND_GAME 00ff",
        "validation ValidationError 400 [('name', 'name is required')]",
        "conflict ConflictError 500 i-1 name taken",
        "internal ApiError 500 storage offline",
        "no request id ValidationError 400 [('X-Request-ID', \"required header 'X-Request-ID' is missing\")]",
        "no api key ValidationError 400 [('X-API-Key', \"required header 'X-API-Key' is missing\")]",
        "notfound ApiError 404 no item missing",
        "hundred 100 True",
        "mib [1048576, 1048576, 1048576]",
        "named [(1, 'tick'), (2, 'tick')]",
        "before ApiError 409 not now",
        "frame StreamError 200 stream broke",
        "frame got [1, 2]",
        "close first 1",
        "close then None",
        "done",
      ], "\(output)")
    // Each way of stopping early closed the connection: the Go handler saw its context cancelled.
    var serverLog = ""
    for _ in 0..<100 {
      serverLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      if ["break", "close", "with"].allSatisfy({ serverLog.contains("Watch(\($0)): client disconnected") }) { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    for how in ["break", "close", "with"] {
      #expect(serverLog.contains("Watch(\(how)): client disconnected"), "\(how):\n\(serverLog)")
    }
  }
}

/// `examples/sse-streaming/py`: the committed client is what py-client generates now, and
/// demo.py runs (mypy --strict clean) against the in-process stand-in server and against
/// the example's generated Go server.
@Suite(.serialized) struct PyClientExampleTests {
  static let example = TSAPIOracle.packageRoot.appendingPathComponent("examples/sse-streaming")
  static let py = example.appendingPathComponent("py")

  @Test func generatedClientIsCurrent() throws {
    let targets = ["services/market_data.proto"]
    let image = try TSAPIOracle.compiled(
      root: Self.example.appendingPathComponent("proto"), displayPrefix: "proto", targets: targets)
    let files = try PyClientBackend().generate(GenerationRequest(image: image, filesToGenerate: targets))
    #expect(files.map(\.path) == ["services/market_data_client.py"])
    for f in files {
      let url = Self.py.appendingPathComponent("generated").appendingPathComponent(f.path)
      if ProcessInfo.processInfo.environment["SEBUF_UPDATE_GOLDEN"] == "1" {
        try Data(f.contents).write(to: url)
        Issue.record("rewrote \(url.path); review the diff and rerun without SEBUF_UPDATE_GOLDEN")
        continue
      }
      let committed = try? Data(contentsOf: url)
      #expect(
        committed.map(Array.init) == f.contents,
        "py/generated/\(f.path) is stale: run `sebuf generate` in examples/sse-streaming")
    }
  }

  /// A copy of examples/sse-streaming/py (running Python there would write caches).
  static func copy() throws -> URL {
    let dir = try TSAPIOracle.tempDir("py-example")
    try FileManager.default.copyItem(at: py, to: dir.appendingPathComponent("py"))
    return dir.appendingPathComponent("py")
  }

  static func expectDemoOutput(_ output: String) {
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("GetQuote: AAPL bid ") == true, "\(output)")
    #expect(lines.contains("GetQuote NOPE: HTTP 404 unknown symbol NOPE"), "\(output)")
    #expect(lines.filter { $0.hasPrefix("StreamQuotes: GOOG last ") }.count == 3, "\(output)")
    #expect(lines.filter { $0.hasPrefix("StreamTrades (trade): t") }.count == 4, "\(output)")
    #expect(lines.contains("closed the unbounded trade stream"), "\(output)")
    #expect(lines.last == "StreamQuotes NOPE: HTTP 404 unknown symbol NOPE", "\(output)")
  }

  @Test(.oracle("python3", "py:mypy")) func demoRunsAgainstTheStandInServer() throws {
    try OracleTools.require(["python3", "py:mypy"])
    let py = try Self.copy()
    defer { try? FileManager.default.removeItem(at: py.deletingLastPathComponent()) }
    let (mypyCode, mypyOut) = try TSAPIOracle.run(
      [
        "env", "MYPYPATH=generated/services", "python3", "-m", "mypy", "--strict", "--python-version", "3.10",
        "--no-incremental",
        "demo.py", "market_stub.py", "generated/services/market_data_client.py",
      ],
      cwd: py, timeout: 300)
    #expect(mypyCode == 0, "mypy --strict:\n\(mypyOut)")
    let (code, output) = try TSAPIOracle.run(["python3", "demo.py"], cwd: py, timeout: 60)
    #expect(code == 0, "\(output)")
    Self.expectDemoOutput(output)
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("server: quote stream for GOOG cancelled after ") }, "\(output)")
    #expect(lines.contains("server: trade stream finished after 4 trades"), "\(output)")
    #expect(lines.contains { $0.hasPrefix("server: trade stream cancelled after ") }, "\(output)")
  }

  @Test(.oracle("go", "python3", "protoc-gen-go", PyClientOracleTests.gocode))
  func demoRunsAgainstTheGoServer() throws {
    try OracleTools.require(["go", "python3", "protoc-gen-go", PyClientOracleTests.gocode])
    let py = try Self.copy()
    let dir = py.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: dir) }
    let go = dir.appendingPathComponent("go")
    try FileManager.default.copyItem(at: Self.example.appendingPathComponent("go"), to: go)
    let replaces = ["google.golang.org/protobuf", "github.com/golang/protobuf", "github.com/google/go-cmp"]
      .flatMap { ["-replace", "\($0)=/usr/share/gocode/src/\($0)"] }
    let edit = try GoToolchain.run(["go", "mod", "edit"] + replaces, in: go)
    try #require(edit.status == 0, "\(edit.output)")
    let build = try GoToolchain.run(["go", "build", "-o", "server.bin", "./server"], in: go)
    try #require(build.status == 0, "go build:\n\(build.output)")

    let server = Process()
    server.executableURL = go.appendingPathComponent("server.bin")
    server.arguments = ["-addr", "127.0.0.1:0", "-interval", "20ms"]
    let out = Pipe()
    server.standardOutput = out
    let log = dir.appendingPathComponent("server.log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let logHandle = try FileHandle(forWritingTo: log)
    server.standardError = logHandle
    try server.run()
    defer {
      if server.isRunning { server.terminate() }
      server.waitUntilExit()
      try? logHandle.close()
    }
    var banner = Data()
    while !banner.contains(UInt8(ascii: "\n")) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      banner.append(chunk)
    }
    let line = String(decoding: banner, as: UTF8.self)
    let url = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init), "\(line)")
    let (code, output) = try TSAPIOracle.run(["python3", "demo.py", "--url", url], cwd: py, timeout: 60)
    #expect(code == 0, "\(output)")
    Self.expectDemoOutput(output)
    var serverLog = ""
    for _ in 0..<50 {
      serverLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      if serverLog.contains("StreamQuotes(GOOG): client disconnected") { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    #expect(serverLog.contains("StreamQuotes(GOOG): client disconnected"), "\(serverLog)")
  }
}
