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

  @Test func unknownOptionIsAnError() throws {
    let image = try GoCorpus.corpus()
    let messages = GoCorpus.diagnostics {
      try GoCorpus.generate(GoHTTPBackend(), image: image, options: [("fancy", "1")])
    }
    #expect(messages == ["go-http: unknown option fancy=1; known options: paths, module, M<file>, generate_mock"])
  }
}
