/// SHAKE256 (FIPS 202), written from the specification: buf's module digests (`b5:`, and the
/// `shake256:` file digests under them) use it, and none of the libraries this package may
/// depend on exposes it (swift-crypto has SHA-3 hashes but no extendable-output functions).
/// Only the digest buf needs is offered: whole input, fixed output length.
public enum SHAKE256 {
  /// The SHAKE256 output of `outputLength` bytes for `input` (buf uses 64).
  public static func digest(_ input: [UInt8], outputLength: Int = 64) -> [UInt8] {
    var state = [UInt64](repeating: 0, count: 25)
    // Absorb whole blocks, then the last partial block padded with SHAKE's domain bits
    // (0x1F) and the final bit (0x80).
    var offset = 0
    while input.count - offset >= rate {
      absorb(input[offset..<offset + rate], into: &state)
      keccakF(&state)
      offset += rate
    }
    var last = [UInt8](input[offset...])
    last.append(0x1F)
    last += [UInt8](repeating: 0, count: rate - last.count)
    last[rate - 1] |= 0x80
    absorb(last[...], into: &state)
    keccakF(&state)
    // Squeeze.
    var out: [UInt8] = []
    out.reserveCapacity(outputLength)
    while true {
      for i in 0..<rate where out.count < outputLength {
        out.append(UInt8(truncatingIfNeeded: state[i / 8] >> (8 * UInt64(i % 8))))
      }
      if out.count == outputLength { return out }
      keccakF(&state)
    }
  }

  /// Lowercase hex of `bytes`.
  public static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Bytes absorbed per permutation: 1600 bits minus twice the 256-bit security level.
  private static let rate = 136

  private static func absorb(_ block: ArraySlice<UInt8>, into state: inout [UInt64]) {
    var i = 0
    for byte in block {
      state[i / 8] ^= UInt64(byte) << (8 * UInt64(i % 8))
      i += 1
    }
  }

  private static let roundConstants: [UInt64] = [
    0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
    0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
    0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
    0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
    0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
    0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
  ]
  /// Rotation offsets of ρ, indexed by lane (x + 5y).
  private static let rotations: [UInt64] = [
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
  ]

  /// Keccak-f[1600]: 24 rounds of θ, ρ, π, χ, ι over 25 lanes.
  private static func keccakF(_ a: inout [UInt64]) {
    var c = [UInt64](repeating: 0, count: 5)
    var b = [UInt64](repeating: 0, count: 25)
    for round in 0..<24 {
      for x in 0..<5 { c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] }
      for x in 0..<5 {
        let d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1)
        for y in stride(from: 0, to: 25, by: 5) { a[y + x] ^= d }
      }
      for x in 0..<5 {
        for y in 0..<5 {
          // π moves lane (x, y) to (y, 2x + 3y).
          b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], rotations[x + 5 * y])
        }
      }
      for y in stride(from: 0, to: 25, by: 5) {
        for x in 0..<5 { a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]) }
      }
      a[0] ^= roundConstants[round]
    }
  }

  private static func rotl(_ v: UInt64, _ n: UInt64) -> UInt64 { n == 0 ? v : (v << n) | (v >> (64 - n)) }
}
