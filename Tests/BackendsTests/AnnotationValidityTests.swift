// Every backend decides annotation validity with Proto's one `AnnotationValidity` table:
// the same file passes (or fails, field by field) in all of them.

import Backends
import Diagnostics
import Foundation
import Proto
import Testing

@Suite struct AnnotationValidityTests {
  static let root = GoCorpus.goldenRoot.appendingPathComponent("annotations")
  static let backends: [any Backend] = [
    GoHTTPBackend(), GoClientBackend(), TSClientBackend(), TSServerBackend(), OpenAPIBackend(),
  ]

  /// Each backend's error diagnostics for the protos in `name`, empty when it generates.
  static func errors(_ name: String, _ backend: some Backend) throws -> [Diagnostic] {
    let image = try GoCorpus.compiled(root.appendingPathComponent(name))
    do {
      _ = try backend.generate(GenerationRequest(image: image, filesToGenerate: image.targets.map(\.name)))
      return []
    } catch let e as DiagnosticError {
      return e.diagnostics
    }
  }

  /// An explicit default (`*_UNSPECIFIED`, `false`, `""`) means "not set": accepted on a
  /// field the annotation could not otherwise be on, by every backend.
  @Test func explicitDefaultsAreAcceptedEverywhere() throws {
    for backend in Self.backends {
      let errors = try Self.errors("defaults", backend)
      #expect(errors.isEmpty, "\(backend.name): \(DiagnosticFormat.text.render(errors))")
    }
  }

  /// The same fields with real values: every backend rejects each of the nine, on its line.
  @Test func misplacedAnnotationsAreRejectedEverywhere() throws {
    for backend in Self.backends {
      let errors = try Self.errors("misplaced", backend)
      let lines = errors.compactMap { $0.span?.start.line }.sorted()
      #expect(lines == Array(18...26), "\(backend.name): \(DiagnosticFormat.text.render(errors))")
    }
  }
}
