import Backends
import Dispatch
import Foundation
import Proto
import Testing

/// Generation time of go-http and go-client on a synthetic workspace. Always checks the
/// output's shape on a small workspace; with `SEBUF_BENCH=1` it runs the large one and
/// prints timings (BENCHMARKS.md, "Go backends"). No timing is asserted.
@Suite struct GoGenerationBenchmark {
  /// `files` protos in `files / 10` packages, each with 6 messages (some JSON-mapped)
  /// and a service of 8 methods (GET with path and query, POST, PUT, DELETE, two SSE).
  static func workspace(files: Int) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-gobench-\(UUID().uuidString)")
    for i in 0..<files {
      let pkg = "bench.p\(i / 10)"
      let text = """
        syntax = "proto3";
        package \(pkg);
        import "google/protobuf/timestamp.proto";
        import "sebuf/http/annotations.proto";
        option go_package = "example.com/bench/p\(i / 10);p\(i / 10)";
        enum State\(i) { STATE\(i)_UNSPECIFIED = 0; STATE\(i)_ON = 1 [(sebuf.http.enum_value) = "on"]; }
        message Thing\(i) {
          string id = 1; string name = 2;
          int64 count = 3 [(sebuf.http.int64_encoding) = INT64_ENCODING_NUMBER];
          State\(i) state = 4; google.protobuf.Timestamp at = 5 [(sebuf.http.timestamp_format) = TIMESTAMP_FORMAT_UNIX_MILLIS];
          repeated string tags = 6;
        }
        message Get\(i)Request { string id = 1; int32 limit = 2 [(sebuf.http.query) = {}]; State\(i) state = 3 [(sebuf.http.query) = {}]; }
        message List\(i)Response { repeated Thing\(i) things = 1 [(sebuf.http.unwrap) = true]; }
        message Put\(i)Request { string id = 1; Thing\(i) thing = 2; }
        message Done\(i) { bool ok = 1; }
        service Service\(i) {
          option (sebuf.http.service_config) = {base_path: "/v1/s\(i)"};
          rpc Get(Get\(i)Request) returns (Thing\(i)) { option (sebuf.http.config) = {path: "/things/{id}", method: HTTP_METHOD_GET}; }
          rpc List(Get\(i)Request) returns (List\(i)Response) { option (sebuf.http.config) = {path: "/lists/{id}", method: HTTP_METHOD_GET}; }
          rpc Create(Put\(i)Request) returns (Thing\(i)) { option (sebuf.http.config) = {path: "/things"}; }
          rpc Update(Put\(i)Request) returns (Thing\(i)) { option (sebuf.http.config) = {path: "/things/{id}", method: HTTP_METHOD_PUT}; }
          rpc Patch(Put\(i)Request) returns (Thing\(i)) { option (sebuf.http.config) = {path: "/things/{id}", method: HTTP_METHOD_PATCH}; }
          rpc Delete(Get\(i)Request) returns (Done\(i)) { option (sebuf.http.config) = {path: "/things/{id}", method: HTTP_METHOD_DELETE}; }
          rpc Watch(Get\(i)Request) returns (Thing\(i)) { option (sebuf.http.config) = {path: "/watch/{id}", method: HTTP_METHOD_GET, stream: true}; }
          rpc Feed(Put\(i)Request) returns (Thing\(i)) { option (sebuf.http.config) = {path: "/feed/{id}", method: HTTP_METHOD_POST, stream: true}; }
        }

        """
      let url = dir.appendingPathComponent("p\(i / 10)/f\(i).proto")
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
  }

  @Test func generatesEveryFileOfASyntheticWorkspace() throws {
    let bench = ProcessInfo.processInfo.environment["SEBUF_BENCH"] == "1"
    let files = bench ? 500 : 20
    let dir = try Self.workspace(files: files)
    defer { try? FileManager.default.removeItem(at: dir) }
    var image: Image?
    let compileTime = try Self.seconds {
      let (compiled, diagnostics) = compile(SourceSet(roots: [.init(directory: dir.path, displayPrefix: "")]))
      image = try #require(compiled, "\(diagnostics)")
    }
    let compiled = try #require(image)
    let request = GenerationRequest(
      image: compiled, filesToGenerate: compiled.targets.map(\.name), options: [("paths", "source_relative")])
    #expect(request.filesToGenerate.count == files)
    let packages = (files + 9) / 10
    for (backend, perFile, perPackage) in [
      (
        GoHTTPBackend() as any Backend,
        [
          "_http.pb.go", "_timestamp_format.pb.go", "_unwrap.pb.go", "_enum_field_encoding.pb.go",
          "_enum_encoding.pb.go",
        ],
        ["_http_binding.pb.go", "_http_config.pb.go", "sebuf_errors.pb.go", "sebuf_json.pb.go"]
      ),
      (
        GoClientBackend(),
        [
          "_client.pb.go", "_timestamp_format.pb.go", "_unwrap.pb.go", "_enum_field_encoding.pb.go",
          "_enum_encoding.pb.go",
        ],
        ["sebuf_client.pb.go", "sebuf_errors.pb.go", "sebuf_json.pb.go"]
      ),
    ] {
      var output: [GeneratedFile] = []
      var best = Double.infinity
      for _ in 0..<(bench ? 3 : 1) {
        best = min(best, try Self.seconds { output = try backend.generate(request) })
      }
      #expect(output.count == files * perFile.count + packages * perPackage.count)
      // The package files: sebuf_*, and go-http's binding and config named after a proto file.
      let own = output.filter {
        !($0.path.split(separator: "/").last ?? "").hasPrefix("sebuf_") && !$0.path.hasSuffix("_binding.pb.go")
          && !$0.path.hasSuffix("_config.pb.go")
      }
      for suffix in perFile { #expect(own.filter { $0.path.hasSuffix(suffix) }.count == files) }
      if bench {
        let bytes = output.reduce(0) { $0 + $1.contents.count }
        print(
          "BENCH \(backend.name): \(files) files, \(files * 8) methods: best of 3 \(String(format: "%.3f", best)) s, \(output.count) files, \(bytes / 1024) KiB (compile \(String(format: "%.3f", compileTime)) s)"
        )
      }
    }
  }
}
