// #218: a query or path parameter bound to a message (a well-known one included), a map or a
// list of messages is rejected by ts-client, ts-server and py-client with the same positioned
// errors (the shared AnnotationValidity table), every problem at once.

import Backends
import Diagnostics
import Foundation
import Proto
import Testing

@Suite struct TSMessageParamTests {
  static let invalid = CorpusCase(name: "invalid_ts_message_params", image: "", targets: ["ts_message_params.proto"])

  static let expected = [
    "ts_message_params.proto:14:3: error: MessageParamService.ByPath: path variable '{when}' is bound to field 'when' which is not a scalar; path parameters must be string, number, bool or enum fields",
    "ts_message_params.proto:28:3: error: MessageParamService.ByQuery: query parameter 'range' is bound to field 'range' which is a message or map; query parameters must be scalar, enum or repeated scalar fields",
    "ts_message_params.proto:29:3: error: MessageParamService.ByQuery: query parameter 'labels' is bound to field 'labels' which is a message or map; query parameters must be scalar, enum or repeated scalar fields",
    "ts_message_params.proto:37:3: error: MessageParamService.ByRepeated: query parameter 'ranges' is bound to field 'ranges' which is a message or map; query parameters must be scalar, enum or repeated scalar fields",
  ]

  @Test(arguments: [TSClientBackend() as any Backend, TSServerBackend(), PyClientBackend()].map { BackendBox($0) })
  func messageTypedURLParametersAreErrors(_ box: BackendBox) throws {
    let image = try Corpus.image(Self.invalid)
    do {
      _ = try box.backend.generate(GenerationRequest(image: image, filesToGenerate: Self.invalid.targets))
      Issue.record("\(box.backend.name) generated code for message-typed URL parameters")
    } catch let error as DiagnosticError {
      let lines = error.diagnostics.map { d in
        (d.span.map { "\($0.file):\($0.start.line):\($0.start.column): " } ?? "")
          + "\(d.severity.rawValue): \(d.message)"
      }
      // ts-server also reports the GET fields no parameter carries; the #218 errors are common.
      for line in Self.expected {
        #expect(lines.contains(line), "\(box.backend.name):\n\(lines.joined(separator: "\n"))")
      }
    }
  }
}

/// A backend as a test argument (Swift Testing needs a description).
struct BackendBox: CustomStringConvertible, Sendable {
  let backend: any Backend
  init(_ backend: any Backend) { self.backend = backend }
  var description: String { backend.name }
}

@Suite struct TSHelperNameTests {
  /// Upstream's oneof helper names taken by messages of the same file are reported at the
  /// message, by both TS backends, instead of generating two declarations of one name.
  @Test func oneofHelperNamesTakenByMessagesAreErrors() throws {
    let c = CorpusCase(name: "invalid_ts_helper_collision", image: "", targets: ["ts_helper_collision.proto"])
    let image = try Corpus.image(c)
    for backend in [TSClientBackend() as any Backend, TSServerBackend()] {
      let error = #expect(throws: DiagnosticError.self) {
        _ = try backend.generate(GenerationRequest(image: image, filesToGenerate: c.targets))
      }
      let lines = (error?.diagnostics ?? []).map { d in
        (d.span.map { "\($0.file):\($0.start.line):\($0.start.column): " } ?? "") + d.message
      }
      #expect(
        lines == [
          "ts_helper_collision.proto:15:1: message 'Event' needs the TypeScript type 'EventBase' for its oneofs (upstream's helper-type name), but another declaration of this file is already named 'EventBase'; rename the message or the oneof",
          "ts_helper_collision.proto:15:1: message 'Event' needs the TypeScript type 'EventPayload' for its oneofs (upstream's helper-type name), but another declaration of this file is already named 'EventPayload'; rename the message or the oneof",
        ], "\(backend.name): \(lines)")
    }
  }
}
