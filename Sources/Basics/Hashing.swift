/// Content hashes for the generation cache. Cache keys and file hashes only need to
/// notice changes, not resist an attacker, so a fast non-cryptographic 64-bit hash is
/// enough (and keeps swift-crypto, which triples the build time, out of the package).
/// xxHash64 was picked over FNV-1a 64 after measuring both (BENCHMARKS.md, "generate").
public enum ContentHash {
  /// xxHash64 of a byte array (the reference algorithm, written from its specification).
  public static func xxh64(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
    bytes.withUnsafeBytes { xxh64($0, seed: seed) }
  }

  /// 16 lowercase hex digits of the xxHash64 of `bytes`: the form stored in the manifest.
  public static func hex(_ bytes: [UInt8]) -> String { hex(xxh64(bytes)) }

  /// `value` as 16 lowercase hex digits.
  public static func hex(_ value: UInt64) -> String {
    let s = String(value, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }

  private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
  private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
  private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

  @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

  @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
    rotl(acc &+ input &* p2, 31) &* p1
  }

  @inline(__always) private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
    (acc ^ round(0, value)) &* p1 &+ p4
  }

  /// xxHash64 over raw memory.
  public static func xxh64(_ buffer: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    let count = buffer.count
    var i = 0
    @inline(__always) func read64(_ at: Int) -> UInt64 {
      UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
    @inline(__always) func read32(_ at: Int) -> UInt64 {
      UInt64(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }
    var h: UInt64
    if count >= 32 {
      var v1 = seed &+ p1 &+ p2
      var v2 = seed &+ p2
      var v3 = seed
      var v4 = seed &- p1
      while i + 32 <= count {
        v1 = round(v1, read64(i))
        v2 = round(v2, read64(i + 8))
        v3 = round(v3, read64(i + 16))
        v4 = round(v4, read64(i + 24))
        i += 32
      }
      h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
      h = merge(h, v1)
      h = merge(h, v2)
      h = merge(h, v3)
      h = merge(h, v4)
    } else {
      h = seed &+ p5
    }
    h = h &+ UInt64(count)
    while i + 8 <= count {
      h ^= round(0, read64(i))
      h = rotl(h, 27) &* p1 &+ p4
      i += 8
    }
    if i + 4 <= count {
      h ^= read32(i) &* p1
      h = rotl(h, 23) &* p2 &+ p3
      i += 4
    }
    while i < count {
      h ^= UInt64(buffer[i]) &* p5
      h = rotl(h, 11) &* p1
      i += 1
    }
    h ^= h >> 33
    h = h &* p2
    h ^= h >> 29
    h = h &* p3
    h ^= h >> 32
    return h
  }

  /// FNV-1a 64: the simpler candidate, kept for the benchmark that chose xxHash64.
  public static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01B3
    }
    return h
  }
}

/// Builds a cache key from many parts without ambiguity: every part is length-prefixed,
/// so ("ab","c") and ("a","bc") give different keys.
public struct KeyBuilder: Sendable {
  private var bytes: [UInt8] = []
  public init(_ tag: String) { add(tag) }

  public mutating func add(_ s: String) { add(Array(s.utf8)) }
  public mutating func add(_ b: [UInt8]) {
    add(UInt64(b.count))
    bytes.append(contentsOf: b)
  }
  public mutating func add(_ v: UInt64) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// The key as 16 hex digits.
  public var hex: String { ContentHash.hex(ContentHash.xxh64(bytes)) }
}
