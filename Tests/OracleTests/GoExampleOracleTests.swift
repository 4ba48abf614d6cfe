import Backends
import Foundation
import Proto
import TestSupport
import Testing

/// `examples/sse-streaming/go`: compiled with sebuf's own compiler, generated with
/// go-http and go-client (protoc-gen-go for the message types), built with real Go,
/// then the server and the client programs run against each other.
@Suite(.serialized) struct GoExampleOracleTests {
  static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples/sse-streaming")
  static let goPackage = "example.com/sse-streaming/go/api/services"
  static let sebufPackage = "example.com/sse-streaming/go/api/sebuf/http"

  @Test(.oracle("go", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/"))
  func serverAndClientRunAgainstEachOther() throws {
    let proto = Self.example.appendingPathComponent("proto")
    #expect(FileManager.default.fileExists(atPath: proto.appendingPathComponent("services/market_data.proto").path))
    try OracleTools.require(["go", "protoc", "protoc-gen-go", "/usr/share/gocode/src/google.golang.org/protobuf/"])

    let (image, diagnostics) = compile(
      SourceSet(roots: [.init(directory: proto.path, displayPrefix: "examples/sse-streaming/proto")]))
    let compiled = try #require(image, "\(diagnostics)")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-example-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(at: Self.example.appendingPathComponent("go"), to: dir)
    try? FileManager.default.removeItem(at: dir.appendingPathComponent("api"))
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("api"), withIntermediateDirectories: true)
    for (module, path) in [
      ("google.golang.org/protobuf", GoToolchain.protobufSources),
      ("github.com/golang/protobuf", "/usr/share/gocode/src/github.com/golang/protobuf"),
      ("github.com/google/go-cmp", "/usr/share/gocode/src/github.com/google/go-cmp"),
    ] {
      _ = try GoToolchain.run(["go", "mod", "edit", "-replace", "\(module)=\(path)"], in: dir)
    }

    let targets = compiled.targets.map(\.name)
    let mappings =
      targets.map { ("M\($0)", "\(Self.goPackage);services") } + [
        ("Msebuf/http/annotations.proto", Self.sebufPackage), ("Msebuf/http/headers.proto", Self.sebufPackage),
      ]
    var protoc = [
      "protoc", "-I", proto.path, "-I", GoBackendsOracleTests.bundled.path, "-I", "/usr/include",
      "--go_out=api", "--go_opt=paths=source_relative",
    ]
    protoc += mappings.map { "--go_opt=\($0.0)=\($0.1)" }
    protoc += targets + ["sebuf/http/annotations.proto"]
    let messages = try GoToolchain.run(protoc, in: dir)
    #expect(messages.status == 0, "protoc-gen-go:\n\(messages.output)")
    // As ../sebuf.yaml: the example declares its own error types.
    let options = [("paths", "source_relative"), ("self_contained", "true")] + mappings
    let committed = Self.example.appendingPathComponent("go/api")
    let update = ProcessInfo.processInfo.environment["SEBUF_UPDATE_GOLDEN"] == "1"
    for backend in [GoHTTPBackend() as any Backend, GoClientBackend()] {
      for f in try backend.generate(GenerationRequest(image: compiled, filesToGenerate: targets, options: options)) {
        let url = dir.appendingPathComponent("api").appendingPathComponent(f.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(f.contents).write(to: url)
        // The committed copy must be what sebuf generates now.
        let mine = committed.appendingPathComponent(f.path)
        if (try? Data(contentsOf: mine)) != Data(f.contents) {
          if update {
            try FileManager.default.createDirectory(
              at: mine.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(f.contents).write(to: mine)
            Issue.record("rewrote \(mine.path); review `git diff` and run again")
          } else {
            Issue.record("examples/sse-streaming/go/api/\(f.path) is stale: run `sebuf generate` in the example")
          }
        }
      }
    }
    let vet = try GoToolchain.run(["go", "vet", "./..."], in: dir)
    #expect(vet.status == 0, "go vet:\n\(vet.output)")
    for program in ["server", "client"] {
      let build = try GoToolchain.run(["go", "build", "-o", program + ".bin", "./" + program], in: dir)
      #expect(build.status == 0, "go build \(program):\n\(build.output)")
    }

    let server = Process()
    server.executableURL = dir.appendingPathComponent("server.bin")
    server.arguments = ["-addr", "127.0.0.1:0", "-interval", "20ms"]
    let out = Pipe()
    server.standardOutput = out
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer {
      server.terminate()
      server.waitUntilExit()
    }
    var banner = Data()
    while !banner.contains(UInt8(ascii: "\n")) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      banner.append(chunk)
    }
    let line = String(decoding: banner, as: UTF8.self)
    let url = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init), "\(line)")
    let client = try GoToolchain.run([dir.appendingPathComponent("client.bin").path, "-url", url], in: dir)
    #expect(client.status == 0, "client:\n\(client.output)")
    let lines = client.output.split(separator: "\n").map { String($0) }
    #expect(lines.first?.hasPrefix("quote AAPL last=") == true)
    #expect(lines.filter { $0.hasPrefix("trade t") && $0.contains(" MSFT ") }.count == 3)
    #expect(lines.filter { $0.hasPrefix("streamed quote GOOG") }.count == 3)
    #expect(lines.contains("closed the quote stream after 3 events"))
    #expect(lines.last == "unknown symbol: status 404: unknown symbol NOPE")
  }
}
