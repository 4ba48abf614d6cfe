import Basics
import Testing

/// SHAKE256 against published values: FIPS 202's examples for "" and "abc", and inputs
/// around the 136-byte block boundary (values from Python's hashlib.shake_256, OpenSSL's).
@Suite struct SHAKE256Tests {
  @Test func matchesFIPS202Examples() {
    #expect(
      SHAKE256.hex(SHAKE256.digest([]))
        == "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762fd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be"
    )
    #expect(
      SHAKE256.hex(SHAKE256.digest(Array("abc".utf8)))
        == "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4"
    )
  }

  @Test(arguments: [
    (135, "55b991ece1e567b6e7c2c714444dd201"), (136, "8fcc5a08f0a1f6827c9cf64ee8d16e04"),
    (137, "a44e1a438dad6273d540be65ee26386c"),
  ])
  func blockBoundaries(length: Int, prefix: String) {
    let digest = SHAKE256.hex(SHAKE256.digest([UInt8](repeating: UInt8(ascii: "a"), count: length)))
    #expect(digest.hasPrefix(prefix))
    #expect(digest.count == 128)
  }

  @Test func longerOutputsSqueezeMoreBlocks() {
    let short = SHAKE256.digest(Array("abc".utf8), outputLength: 64)
    let long = SHAKE256.digest(Array("abc".utf8), outputLength: 300)
    #expect(long.count == 300)
    #expect(Array(long.prefix(64)) == short)
  }
}
