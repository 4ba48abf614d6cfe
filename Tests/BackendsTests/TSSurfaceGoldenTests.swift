// Golden files of ts-client and ts-server for the TypeScript API-surface protos
// (Golden/corpus/protos/tssurface); OracleTests/TSSurfaceOracleTests checks their declarations
// against Golden/ts-surface/facts.txt and runs upstream-style user code on them.
// SEBUF_UPDATE_GOLDEN=1 rewrites Golden/<backend>/tssurface/ (and fails).

import Backends
import Diagnostics
import Foundation
import Proto
import Testing

@Suite struct TSSurfaceGoldenTests {
  static let surface = CorpusCase(
    name: "tssurface", image: "tssurface", targets: ["tssurface/v1/surface.proto", "tssurface/v1/names.proto"])

  @Test func surfaceModules() throws {
    let image = try Corpus.image(Self.surface)
    for backend in [TSClientBackend() as any Backend, TSServerBackend()] {
      let files = try backend.generate(GenerationRequest(image: image, filesToGenerate: Self.surface.targets))
      let dir = Corpus.goldenRoot.appendingPathComponent(backend.name).appendingPathComponent("tssurface")
      let problems = try Corpus.compare(files.map { ($0.path, $0.contents) }, golden: dir)
      #expect(problems.isEmpty, "\(backend.name)/tssurface:\n\(problems.joined(separator: "\n"))")
    }
  }
}
