import Foundation
import Testing

@testable import Proto

/// The lexer on its own: token kinds, offsets, protoc's line/column counting, literals.
@Suite struct ParserLexerTests {
  func lex(_ s: String) -> LexedFile { Lexer.lex(Array(s.utf8)) }

  func texts(_ s: String) -> [String] {
    let bytes = Array(s.utf8)
    return Lexer.lex(bytes).tokens.dropLast().map {
      String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self)
    }
  }

  @Test func tokenKinds() {
    let f = lex("message Foo { int32 a = 1; double d = 1.5e3; string s = \"x\"; } // c")
    let kinds = f.tokens.map(\.kind)
    #expect(
      kinds == [
        .identifier, .identifier, .symbol, .identifier, .identifier, .symbol, .integer, .symbol,
        .identifier, .identifier, .symbol, .float, .symbol, .identifier, .identifier, .symbol,
        .string, .symbol, .symbol, .end,
      ])
    #expect(f.tokens[0].keyword == .message)
    #expect(f.tokens[1].keyword == .none)
    #expect(f.tokens[3].keyword == .tInt32)
    #expect(f.tokens[2].keyword == .lBrace)
    #expect(f.errors.isEmpty)
  }

  @Test func texts() {
    #expect(texts("a.b.c") == ["a", ".", "b", ".", "c"])
    #expect(texts(".5 5. 0x1F 017 1e-3 -4") == [".5", "5.", "0x1F", "017", "1e-3", "-", "4"])
    #expect(texts("'a\\'b' \"c\\\"d\"") == ["'a\\'b'", "\"c\\\"d\""])
    #expect(texts("a/b /* c */ d // e\nf") == ["a", "/", "b", "d", "f"])
  }

  @Test func positionsCountTabsToMultiplesOfEight() {
    let f = lex("\tab\tc\n  d")
    #expect(f.tokens[0].line == 0 && f.tokens[0].column == 8 && f.tokens[0].endColumn == 10)
    #expect(f.tokens[1].column == 16)
    #expect(f.tokens[2].line == 1 && f.tokens[2].column == 2)
    #expect(f.tokens[1].start == 4 && f.tokens[1].end == 5)
    #expect(f.tokens.last!.kind == .end && f.tokens.last!.line == 1 && f.tokens.last!.column == 3)
  }

  @Test func byteOrderMarkIsSkippedButCounted() {
    let f = Lexer.lex([0xEF, 0xBB, 0xBF] + Array("syntax".utf8))
    #expect(f.contentStart == 3)
    #expect(f.tokens[0].start == 3 && f.tokens[0].column == 3)
    #expect(f.errors.isEmpty)
  }

  @Test func integers() {
    func int(_ s: String, max: UInt64 = .max) -> UInt64? {
      let b = Array(s.utf8)
      return b.withUnsafeBufferPointer { Literals.parseInteger($0, 0, b.count, max: max) }
    }
    #expect(int("0") == 0)
    #expect(int("42") == 42)
    #expect(int("0x7fffffff") == 2_147_483_647)
    #expect(int("0X10") == 16)
    #expect(int("017") == 15)
    #expect(int("18446744073709551615") == .max)
    #expect(int("18446744073709551616") == nil)
    #expect(int("09") == nil)
    #expect(int("2147483648", max: 2_147_483_647) == nil)
    #expect(int("0x") == 0)
  }

  @Test func floats() {
    func dbl(_ s: String) -> Double {
      let b = Array(s.utf8)
      return b.withUnsafeBufferPointer { Literals.parseFloat($0, 0, b.count) }
    }
    #expect(dbl("1.5") == 1.5)
    #expect(dbl(".25") == 0.25)
    #expect(dbl("1e3") == 1000)
    #expect(dbl("1e") == 1)
    #expect(Literals.simpleDtoa(0.1) == "0.1")
    #expect(Literals.simpleDtoa(1e10) == "10000000000")
    #expect(Literals.simpleDtoa(1e100) == "1e+100")
    #expect(Literals.simpleDtoa(-.infinity) == "-inf")
    #expect(Literals.simpleDtoa(.nan) == "nan")
    #expect(Literals.simpleDtoa(0.30000000000000004) == "0.30000000000000004")
  }

  @Test func stringEscapes() {
    func str(_ s: String) -> [UInt8] {
      let b = Array(s.utf8)
      var out: [UInt8] = []
      b.withUnsafeBufferPointer { Literals.appendString($0, 0, b.count, to: &out) }
      return out
    }
    #expect(str(#""\a\b\f\n\r\t\v\\\'\"\?""#) == [7, 8, 12, 10, 13, 9, 11, 92, 39, 34, 63])
    #expect(str(#""\101\60\0x""#) == [65, 48, 0, 120])
    #expect(str(#""\x41\x4a\xf""#) == [0x41, 0x4A, 0x0F])
    #expect(str(#""\u00e9""#) == [0xC3, 0xA9])
    #expect(str(#""\U0001F600""#) == [0xF0, 0x9F, 0x98, 0x80])
    #expect(str(#""\ud83d\ude00""#) == [0xF0, 0x9F, 0x98, 0x80])
    #expect(str("'it''s'") == Array("it''s".utf8))
    #expect(Literals.cEscape([0, 10, 34, 39, 92, 65, 0xFF, 9, 13]) == #"\000\n\"\'\\A\377\t\r"#)
  }

  @Test func lexErrorsCarryPositions() {
    let f = lex("a = 09;\n\"open\n")
    #expect(
      f.errors.map(\.message) == [
        "Numbers starting with leading zero must be in octal.",
        "Multiline strings are not allowed. Did you miss a \"?.",
      ])
    #expect(f.errors[0].line == 0 && f.errors[0].column == 5)
    #expect(f.errors[1].line == 1 && f.errors[1].column == 5)
  }
}
