// The editions-equivalence pairs (Fixtures/editions-equivalence: an editions file and its
// proto2 or proto3 equivalent at the same import path) compiled by sebuf's own compiler:
// every native backend generates the same files from both. OracleTests'
// EditionsBackendsEquivalenceTests runs the same pairs compiled by protoc 36.2.
import Backends
import Foundation
import Proto
import Testing

@Suite struct EditionsEquivalenceTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/editions-equivalence")
  static let backends: [any Backend] = [
    GoHTTPBackend(), GoClientBackend(), TSClientBackend(), TSServerBackend(), OpenAPIBackend(), PyClientBackend(),
  ]

  static func compile(_ dir: URL) throws -> (Image, [String]) {
    let files = (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix(".proto") }.sorted()
    let (image, diagnostics) = Proto.compile(
      SourceSet(roots: [.init(directory: dir.path, displayPrefix: "")], targets: files))
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
    return (try #require(image), files)
  }

  @Test(arguments: ["proto2", "proto3"])
  func everyBackendGeneratesTheSameFiles(_ pair: String) throws {
    let (editions, files) = try Self.compile(Self.fixtures.appendingPathComponent("\(pair)/editions"))
    let (legacy, legacyFiles) = try Self.compile(Self.fixtures.appendingPathComponent("\(pair)/legacy"))
    #expect(files == legacyFiles && !files.isEmpty)
    #expect(editions.files.contains { !$0.isImport && $0.descriptor.syntax == "editions" })
    for backend in Self.backends {
      let ours = try backend.generate(GenerationRequest(image: editions, filesToGenerate: files))
      let theirs = try backend.generate(GenerationRequest(image: legacy, filesToGenerate: files))
      #expect(!ours.isEmpty, "\(backend.name) generated nothing for \(pair)")
      #expect(ours == theirs, "\(backend.name) (\(pair)): \(ours.map(\.path)) differs from \(theirs.map(\.path))")
    }
  }
}
