import Backends
import Diagnostics
import Foundation
import Proto
import Testing

/// Generation-time errors of the Go backends, rendered as `file:line:col:message` and
/// compared with `Golden/go-http/invalid/<case>/expected.txt`.
@Suite struct GoDiagnosticsTests {
  static let cases = GoCorpus.goldenRoot.appendingPathComponent("go-http/invalid")

  static func diagnostics(_ name: String, backend: some Backend) throws -> String {
    let dir = cases.appendingPathComponent(name)
    let image = try GoCorpus.compiled(dir)
    do {
      _ = try backend.generate(GenerationRequest(image: image, filesToGenerate: image.targets.map(\.name)))
      return ""
    } catch let e as DiagnosticError {
      return DiagnosticFormat.text.render(e.diagnostics)
    }
  }

  static func check(_ name: String, _ text: String) throws {
    let url = cases.appendingPathComponent(name).appendingPathComponent("expected.txt")
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    if text != expected, ProcessInfo.processInfo.environment["SEBUF_UPDATE_GOLDEN"] == "1" {
      try text.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("rewrote \(url.path); review `git diff` and run again")
      return
    }
    #expect(text == expected)
  }

  @Test func routeMisuse() throws {
    let text = try Self.diagnostics("routes", backend: GoHTTPBackend())
    #expect(!text.isEmpty)
    try Self.check("routes", text)
  }

  /// upstream's #218 in go-client too: message-typed path and query parameters are
  /// rejected at generation, at the method.
  @Test func goClientRejectsMessageTypedParameters() throws {
    let text = try Self.diagnostics("routes", backend: GoClientBackend())
    #expect(
      text.contains(
        "routes.proto:26:3:Broken.MessagePath: path variable '{nested}' is bound to field 'nested' of type 'message'"))
    #expect(
      text.contains(
        "routes.proto:23:3:Broken.MissingField: query parameter 'nested' is bound to field 'nested' of message type"))
  }

  @Test func jsonAnnotationMisuse() throws {
    let server = try Self.diagnostics("json", backend: GoHTTPBackend())
    let client = try Self.diagnostics("json", backend: GoClientBackend())
    #expect(server == client, "both backends check the JSON annotations the same way")
    try Self.check("json", server)
  }
}

extension GoDiagnosticsTests {
  @Test func goNamesClashingWithGeneratedIdentifiers() throws {
    let server = try Self.diagnostics("names", backend: GoHTTPBackend())
    let client = try Self.diagnostics("names", backend: GoClientBackend())
    try Self.check("names", "go-http:\n" + server + "go-client:\n" + client)
  }
}
