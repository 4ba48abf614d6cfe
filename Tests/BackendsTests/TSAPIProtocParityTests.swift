// The backends see the same thing whether protoc or sebuf's compiler built the image: every
// corpus case (valid and invalid) gives byte-identical files or identical diagnostics.

import Backends
import Foundation
import Proto
import Testing

@Suite struct TSAPIProtocParityTests {
  @Test(arguments: CorpusCase.valid + CorpusCase.invalid)
  func protocAndSebufImagesGiveTheSameOutput(_ c: CorpusCase) throws {
    let sebufImage = try Corpus.image(c)
    let protocImage = try Corpus.protocImage(c)
    for backend in TSAPIGoldenTests.backends {
      let a = Result { try backend.generate(GenerationRequest(image: sebufImage, filesToGenerate: c.targets)) }
      let b = Result { try backend.generate(GenerationRequest(image: protocImage, filesToGenerate: c.targets)) }
      switch (a, b) {
      case (.success(let x), .success(let y)):
        #expect(x.map(\.path) == y.map(\.path), "\(backend.name)/\(c.name)")
        for (f, g) in zip(x, y) where f != g { Issue.record("\(backend.name)/\(c.name): \(f.path) differs") }
      case (.failure(let x), .failure(let y)):
        #expect("\(x)" == "\(y)", "\(backend.name)/\(c.name)")
      default:
        Issue.record("\(backend.name)/\(c.name): sebuf image gave \(a), protoc image gave \(b)")
      }
    }
  }
}
