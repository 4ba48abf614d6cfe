import Backends
import Basics
import Foundation
import Plan
import Testing

@Suite struct HashTests {
  /// Expected values from the reference C library (libxxhash 0.8.1, `XXH64`).
  @Test(arguments: [
    ("", UInt64(0), UInt64(0xef46_db37_51d8_e999)),
    ("a", 0, 0xd24e_c4f1_a98c_6e5b),
    ("abc", 0, 0x44bc_2cf5_ad77_0999),
    ("Nobody inspects the spammish repetition", 0, 0xfbce_a83c_8a37_8bf1),
    ("Nobody inspects the spammish repetition", 7, 0x26f1_aeb3_9b9b_1f5f),
  ])
  func xxh64MatchesTheReference(input: String, seed: UInt64, expected: UInt64) {
    #expect(ContentHash.xxh64(Array(input.utf8), seed: seed) == expected)
  }

  @Test func xxh64OfALongInputMatchesTheReference() {
    let input = Array((0..<3).flatMap { _ in (0...255).map { UInt8($0) } }) + Array("xyz1234".utf8)
    #expect(ContentHash.xxh64(input) == 0x559e_a82a_fe8f_46c9)
    #expect(ContentHash.xxh64(input, seed: 7) == 0x5389_0e50_2842_7173)
  }

  @Test func hexIsSixteenDigits() {
    #expect(ContentHash.hex(0x1) == "0000000000000001")
    #expect(ContentHash.hex([]) == "ef46db3751d8e999")
  }

  @Test func keyPartsAreLengthPrefixed() {
    var a = KeyBuilder("t")
    a.add("ab")
    a.add("c")
    var b = KeyBuilder("t")
    b.add("a")
    b.add("bc")
    #expect(a.hex != b.hex)
  }
}

@Suite struct InsertionPointTests {
  @Test func insertsBeforeTheMarkerLineWithItsIndent() {
    let target = Array("class A {\n  // @@protoc_insertion_point(body)\n}\n".utf8)
    let once = InsertionPoint.apply(Array("x = 1\n\ny = 2\n".utf8), at: "body", into: target)!
    #expect(
      String(decoding: once, as: UTF8.self) == "class A {\n  x = 1\n\n  y = 2\n  // @@protoc_insertion_point(body)\n}\n"
    )
    let twice = InsertionPoint.apply(Array("z\n".utf8), at: "body", into: once)!
    #expect(String(decoding: twice, as: UTF8.self).contains("  y = 2\n  z\n  // @@protoc_insertion_point(body)"))
  }

  @Test func inlineCommentMarkersInsertInPlace() {
    let target = Array("f(/* @@protoc_insertion_point(args) */)\n".utf8)
    let out = InsertionPoint.apply(Array("1, ".utf8), at: "args", into: target)!
    #expect(String(decoding: out, as: UTF8.self) == "f(1, /* @@protoc_insertion_point(args) */)\n")
  }

  @Test func aMissingMarkerIsNil() {
    #expect(InsertionPoint.apply([65], at: "nope", into: Array("abc\n".utf8)) == nil)
  }
}
