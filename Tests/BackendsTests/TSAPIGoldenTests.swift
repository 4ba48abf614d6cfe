// Golden tests of the openapi, ts-client and ts-server backends over the corpus in
// Golden/corpus. SEBUF_UPDATE_GOLDEN=1 rewrites Golden/<backend>/<case>/ (and fails).

import Backends
import Diagnostics
import Foundation
import Proto
import Testing

@Suite struct TSAPIGoldenTests {
  static let backends: [any Backend] = [OpenAPIBackend(), TSClientBackend(), TSServerBackend()]

  @Test(arguments: CorpusCase.valid)
  func typescriptAndOpenAPI(_ c: CorpusCase) throws {
    let image = try Corpus.image(c)
    for backend in Self.backends {
      let files = try backend.generate(GenerationRequest(image: image, filesToGenerate: c.targets, options: c.options))
      let dir = Corpus.goldenRoot.appendingPathComponent(backend.name).appendingPathComponent(c.name)
      let problems = try Corpus.compare(files.map { ($0.path, $0.contents) }, golden: dir)
      #expect(problems.isEmpty, "\(backend.name)/\(c.name):\n\(problems.joined(separator: "\n"))")
    }
  }

  @Test(arguments: CorpusCase.openAPIExtra)
  func openAPIOptions(_ c: CorpusCase) throws {
    let files = try OpenAPIBackend().generate(
      GenerationRequest(image: try Corpus.image(c), filesToGenerate: c.targets, options: c.options))
    let dir = Corpus.goldenRoot.appendingPathComponent("openapi").appendingPathComponent(c.name)
    let problems = try Corpus.compare(files.map { ($0.path, $0.contents) }, golden: dir)
    #expect(problems.isEmpty, "openapi/\(c.name):\n\(problems.joined(separator: "\n"))")
  }

  /// Invalid annotation use is reported with file:line:col, every problem at once.
  @Test(arguments: CorpusCase.invalid)
  func diagnostics(_ c: CorpusCase) throws {
    let image = try Corpus.image(c)
    var rendered: [(path: String, contents: [UInt8])] = []
    for backend in Self.backends {
      var text = ""
      do {
        _ = try backend.generate(GenerationRequest(image: image, filesToGenerate: c.targets))
        text = "(no diagnostics)\n"
      } catch let error as DiagnosticError {
        for d in error.diagnostics {
          let at = d.span.map { "\($0.file):\($0.start.line):\($0.start.column): " } ?? ""
          text += "\(at)\(d.severity.rawValue): \(d.message)\n"
        }
      }
      rendered.append(("\(backend.name).txt", Array(text.utf8)))
    }
    let dir = Corpus.goldenRoot.appendingPathComponent("diagnostics").appendingPathComponent(c.name)
    let problems = try Corpus.compare(rendered, golden: dir)
    #expect(problems.isEmpty, "diagnostics/\(c.name):\n\(problems.joined(separator: "\n"))")
  }

  @Test func unknownOptionsAreErrors() throws {
    let c = CorpusCase.valid[0]
    let image = try Corpus.image(c)
    for backend in Self.backends {
      #expect(throws: DiagnosticError.self) {
        _ = try backend.generate(
          GenerationRequest(image: image, filesToGenerate: c.targets, options: [("colour", "blue")]))
      }
    }
    #expect(throws: DiagnosticError.self) {
      _ = try OpenAPIBackend().generate(
        GenerationRequest(image: image, filesToGenerate: c.targets, options: [("format", "xml")]))
    }
  }
  // Determinism across hash seeds: CLITests/DeterminismTests (runs without
  // SWIFT_DETERMINISTIC_HASHING, which would hide it).
}
