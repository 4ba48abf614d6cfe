import Backends
import Foundation
import Proto
import Testing

/// Golden tests of go-http and go-client over the corpus in `Golden/go-http/proto`.
/// `SEBUF_UPDATE_GOLDEN=1` rewrites the goldens (and the run still fails).
@Suite struct GoGoldenTests {
  static let options: [(key: String, value: String)] = [("paths", "source_relative")]

  @Test func goHTTPMatchesGoldens() throws {
    let files = try GoCorpus.generate(GoHTTPBackend(), image: try GoCorpus.corpus(), options: Self.options)
    let problems = try GoCorpus.compare(files, expected: GoCorpus.goldenRoot.appendingPathComponent("go-http/expected"))
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test func goClientMatchesGoldens() throws {
    let files = try GoCorpus.generate(GoClientBackend(), image: try GoCorpus.corpus(), options: Self.options)
    let problems = try GoCorpus.compare(
      files, expected: GoCorpus.goldenRoot.appendingPathComponent("go-client/expected"))
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test func sharedErrorsFileIsIdenticalAcrossBackends() throws {
    let image = try GoCorpus.corpus()
    let server = try GoCorpus.generate(GoHTTPBackend(), image: image, options: Self.options)
    let client = try GoCorpus.generate(GoClientBackend(), image: image, options: Self.options)
    let shared = Set(server.map(\.path)).intersection(client.map(\.path))
    #expect(shared.contains("api/sebuf_errors.pb.go"))
    for path in shared {
      #expect(server.first { $0.path == path } == client.first { $0.path == path }, "\(path)")
    }
  }

  @Test func importPathsAndModuleOption() throws {
    let image = try GoCorpus.corpus()
    let files = try GoCorpus.generate(GoHTTPBackend(), image: image, options: [("module", "example.com/corpus")])
    #expect(files.map(\.path).contains("api/http_verbs_http.pb.go"))
    let full = try GoCorpus.generate(GoClientBackend(), image: image, options: [])
    #expect(full.map(\.path).contains("example.com/corpus/api/sse_client.pb.go"))
    let mapped = try GoCorpus.generate(
      GoClientBackend(), image: image, options: [("Mapi/sse.proto", "example.com/elsewhere;sse"), ("paths", "import")])
    let sse = try #require(mapped.first { $0.path == "example.com/elsewhere/sse_client.pb.go" })
    #expect(String(decoding: sse.contents, as: UTF8.self).contains("\npackage sse\n"))
  }

  @Test func defaultErrorTypesAreUpstreamsAndSelfContainedDeclaresItsOwn() throws {
    let image = try GoCorpus.corpus()
    let byDefault = try GoCorpus.generate(GoHTTPBackend(), image: image, options: Self.options)
    let errors = try #require(byDefault.first { $0.path == "api/sebuf_errors.pb.go" })
    let text = String(decoding: errors.contents, as: UTF8.self)
    #expect(text.contains("import sebufhttp \"github.com/SebastienMelki/sebuf/http\""))
    #expect(text.contains("sebufValidationError = sebufhttp.ValidationError"))
    #expect(!text.contains("type ValidationError struct"))
    let own = try GoCorpus.generate(GoHTTPBackend(), image: image, options: Self.options + [("self_contained", "true")])
    let ownText = String(
      decoding: try #require(own.first { $0.path == "api/sebuf_errors.pb.go" }).contents, as: UTF8.self)
    #expect(ownText.contains("type ValidationError struct") && !ownText.contains("sebufhttp"))
    // Upstream's file names: binding and config after the package's first service file.
    #expect(byDefault.map(\.path).contains("api/http_verbs_http_binding.pb.go"))
    #expect(byDefault.map(\.path).contains("api/http_verbs_http_config.pb.go"))
  }

  /// A module that vendors sebuf/http/*.proto (and generates them) uses that package for
  /// the error types, whose errors.proto messages then get upstream's Error() methods;
  /// its own ValidationError/FieldViolation do not collide with anything sebuf declares.
  @Test func vendoredSebufHTTPProtosGenerate() throws {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("sebuf-vendored-\(UUID().uuidString)")
    defer { try? fm.removeItem(at: dir) }
    let bundled = GoCorpus.goldenRoot.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("Sources/Proto/Bundled/sebuf/http")
    try fm.createDirectory(at: dir.appendingPathComponent("sebuf"), withIntermediateDirectories: true)
    try fm.copyItem(at: bundled, to: dir.appendingPathComponent("sebuf/http"))
    try fm.createDirectory(at: dir.appendingPathComponent("api"), withIntermediateDirectories: true)
    try """
    syntax = "proto3";
    package v.api;
    import "sebuf/http/annotations.proto";
    option go_package = "example.com/v/api";
    message FieldViolation { string field = 1; }
    message GetRequest { string id = 1; }
    service Things {
      rpc Get(GetRequest) returns (FieldViolation) {
        option (sebuf.http.config) = {path: "/things/{id}", method: HTTP_METHOD_GET};
      }
    }
    """.write(to: dir.appendingPathComponent("api/things.proto"), atomically: true, encoding: .utf8)
    let image = try GoCorpus.compiled(dir)
    let mapping = ["annotations", "headers", "errors"].map { ("Msebuf/http/\($0).proto", "example.com/v/sebuf/http") }
    let files = try GoCorpus.generate(GoHTTPBackend(), image: image, options: [("module", "example.com/v")] + mapping)
    let paths = files.map(\.path)
    #expect(paths.contains("sebuf/http/errors_error_impl.pb.go"))
    #expect(paths.contains("api/things_http_binding.pb.go"))
    let errors = String(
      decoding: try #require(files.first { $0.path == "api/sebuf_errors.pb.go" }).contents, as: UTF8.self)
    #expect(errors.contains("import sebufhttp \"example.com/v/sebuf/http\""))
    let impl = String(
      decoding: try #require(files.first { $0.path == "sebuf/http/errors_error_impl.pb.go" }).contents, as: UTF8.self)
    #expect(
      impl.contains("func (x *ValidationError) Error() string") && impl.contains("\"validation error: no violations\""))
  }

  @Test func generateMockWritesUpstreamsMockFiles() throws {
    let files = try GoCorpus.generate(
      GoHTTPBackend(), image: try GoCorpus.corpus(), options: Self.options + [("generate_mock", "true")])
    let paths = Set(files.map(\.path))
    #expect(
      paths.isSuperset(of: ["api/http_verbs_http_mock.pb.go", "api/sse_http_mock.pb.go", "api/sebuf_mock.pb.go"]))
    #expect(!paths.contains("api/violations_http_mock.pb.go"))  // no services
    let sse = String(
      decoding: try #require(files.first { $0.path == "api/sse_http_mock.pb.go" }).contents, as: UTF8.self)
    #expect(sse.contains("func NewMockStreamServiceServer() *MockStreamServiceServer {"))
    #expect(sse.contains("Events(ctx context.Context, req *EventsRequest, stream SSESender) error {"))
    #expect(!files.contains { String(decoding: $0.contents, as: UTF8.self).contains("rand.Seed") })
    let plain = try GoCorpus.generate(GoHTTPBackend(), image: try GoCorpus.corpus(), options: Self.options)
    #expect(!plain.contains { $0.path.hasSuffix("_mock.pb.go") })
  }

  @Test func unknownOptionIsAnError() throws {
    let image = try GoCorpus.corpus()
    let messages = GoCorpus.diagnostics {
      try GoCorpus.generate(GoHTTPBackend(), image: image, options: [("fancy", "1")])
    }
    #expect(
      messages == [
        "go-http: unknown option fancy=1; known options: paths, module, M<file>, generate_mock, self_contained"
      ])
  }
}
