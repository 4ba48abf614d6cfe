/// A problem the lexer found, tied to the token it was reading so that the parser
/// reports only those protoc would have reached.
public struct LexError: Sendable {
  public var message: String
  /// Byte offset and protoc's 0-based line / tab-expanded column.
  public var offset: Int32
  public var line: Int32
  public var column: Int32
  /// Index of the token being read when the error was found.
  public var tokenIndex: Int
}

/// The tokens of one file. `tokens` always ends with one `.end` token.
public struct LexedFile: Sendable {
  public var tokens: [Token]
  public var errors: [LexError]
  /// Bytes skipped at the start (a UTF-8 byte order mark).
  public var contentStart: Int
  /// The file starts with 0xEF but not with a whole byte order mark: protoc then fails
  /// its first statement.
  public var badByteOrderMark = false
}

/// protoc's tokenizer (io/tokenizer.cc) rewritten over UTF-8 bytes: the same tokens,
/// positions and errors, but all tokens at once and without per-token allocation.
/// Comments are not tokens; `CommentScanner` reads them from the gaps between tokens
/// when the parser asks for them, as protoc's `NextWithComments` does.
public enum Lexer {
  public static func lex(_ bytes: [UInt8]) -> LexedFile {
    bytes.withUnsafeBufferPointer { lex($0) }
  }

  public static func lex(_ p: UnsafeBufferPointer<UInt8>) -> LexedFile {
    var s = Scanner(p)
    return s.run()
  }
}

/// Character classes of protoc's tokenizer (ASCII only; other bytes are in none).
@usableFromInline enum CharClass {
  @inline(__always) static func isLetter(_ c: UInt8) -> Bool {
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95
  }
  @inline(__always) static func isAlnum(_ c: UInt8) -> Bool {
    isLetter(c) || (c >= 48 && c <= 57)
  }
  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  @inline(__always) static func isOctal(_ c: UInt8) -> Bool { c >= 48 && c <= 55 }
  @inline(__always) static func isHex(_ c: UInt8) -> Bool {
    (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)
  }
  /// space, \n, \t, \r, \v, \f
  @inline(__always) static func isWhitespace(_ c: UInt8) -> Bool {
    c == 32 || (c >= 9 && c <= 13)
  }
  /// space, \t, \r, \v, \f
  @inline(__always) static func isWhitespaceNoNewline(_ c: UInt8) -> Bool {
    c == 32 || c == 9 || c == 11 || c == 12 || c == 13
  }
  /// Control characters other than NUL (protoc's `Unprintable`).
  @inline(__always) static func isUnprintable(_ c: UInt8) -> Bool { c > 0 && c < 32 }
  /// Valid single-character escapes after a backslash.
  @inline(__always) static func isEscape(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
      UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "\\"),
      UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""):
      true
    default: false
    }
  }
}

/// The byte cursor: position plus protoc's line / column counters.
struct Scanner {
  let p: UnsafeBufferPointer<UInt8>
  let n: Int
  var i = 0
  var line: Int32 = 0
  var col: Int32 = 0
  var tokens: [Token] = []
  var errors: [LexError] = []

  init(_ p: UnsafeBufferPointer<UInt8>) {
    self.p = p
    self.n = p.count
  }

  /// The current byte, 0 at the end (protoc's sentinel; a real NUL byte also reads 0).
  @inline(__always) var c: UInt8 { i < n ? p[i] : 0 }
  @inline(__always) var atEOF: Bool { i >= n }

  @inline(__always) mutating func advance() {
    guard i < n else { return }
    let b = p[i]
    if b == 10 {
      line += 1
      col = 0
    } else if b == 9 {
      col += 8 - col % 8
    } else {
      col += 1
    }
    i += 1
  }

  @inline(__always) mutating func tryConsume(_ b: UInt8) -> Bool {
    if i < n && p[i] == b {
      advance()
      return true
    }
    return false
  }

  mutating func error(_ message: String) {
    errors.append(
      LexError(
        message: message, offset: Int32(i), line: line, column: col, tokenIndex: tokens.count))
  }

  mutating func run() -> LexedFile {
    tokens.reserveCapacity(n / 5 + 2)
    var contentStart = 0
    var badBOM = false
    // A UTF-8 byte order mark is skipped; 0xEF starting anything else is an error.
    if tryConsume(0xEF) {
      if !tryConsume(0xBB) || !tryConsume(0xBF) {
        error(
          "Proto file starts with 0xEF but not UTF-8 BOM. Only UTF-8 is accepted for proto file.")
        badBOM = true
      }
      contentStart = i
      // protoc's columns keep counting the BOM bytes.
    }
    while next() {}
    return LexedFile(
      tokens: tokens, errors: errors, contentStart: contentStart, badByteOrderMark: badBOM)
  }

  /// Reads one token and appends it; false at the end (after appending `.end`).
  mutating func next() -> Bool {
    while !atEOF {
      let b = p[i]
      if CharClass.isWhitespace(b) {
        advance()
        while i < n && CharClass.isWhitespace(p[i]) { advance() }
        continue
      }
      if b == UInt8(ascii: "/") && i + 1 < n {
        let b1 = p[i + 1]
        if b1 == UInt8(ascii: "/") {
          advance()
          advance()
          skipLineComment()
          continue
        } else if b1 == UInt8(ascii: "*") {
          advance()
          advance()
          scanBlockComment(reportErrors: true, into: nil)
          continue
        }
      }
      if CharClass.isUnprintable(b) || b == 0 {
        error("Invalid control characters encountered in text.")
        advance()
        while i < n && (CharClass.isUnprintable(p[i]) || p[i] == 0) { advance() }
        continue
      }
      readToken(b)
      return true
    }
    tokens.append(
      Token(
        kind: .end, start: Int32(n), end: Int32(n), line: line, column: col, endColumn: col))
    return false
  }

  mutating func skipLineComment() {
    while i < n && p[i] != 10 && p[i] != 0 { advance() }
    _ = tryConsume(10)
  }

  /// Reads a block comment after its "/*"; with `into`, collects its text the way
  /// protoc records it (line breaks kept, each line's leading whitespace and one `*`
  /// dropped, the closing `*/` dropped).
  mutating func scanBlockComment(reportErrors: Bool, into content: UnsafeMutablePointer<[UInt8]>?) {
    let startLine = line
    let startCol = col - 2
    let startOffset = Int32(i - 2)
    var recordStart = i
    var recording = true
    @inline(__always) func flush(_ end: Int) {
      if let content, recording, end > recordStart {
        content.pointee.append(contentsOf: UnsafeBufferPointer(rebasing: p[recordStart..<end]))
      }
    }
    while true {
      while i < n {
        let b = p[i]
        if b == 0 || b == UInt8(ascii: "*") || b == UInt8(ascii: "/") || b == 10 { break }
        advance()
      }
      if tryConsume(10) {
        flush(i)
        recording = false
        while i < n && CharClass.isWhitespaceNoNewline(p[i]) { advance() }
        if tryConsume(UInt8(ascii: "*")) {
          if tryConsume(UInt8(ascii: "/")) { break }
        }
        recording = true
        recordStart = i
      } else if tryConsume(UInt8(ascii: "*")) && tryConsume(UInt8(ascii: "/")) {
        flush(i - 2)
        recording = false
        break
      } else if tryConsume(UInt8(ascii: "/")) && c == UInt8(ascii: "*") {
        if reportErrors {
          error("\"/*\" inside block comment.  Block comments cannot be nested.")
        }
      } else if c == 0 {
        // End of input, or a NUL byte, which protoc cannot tell apart here.
        if reportErrors {
          error("End-of-file inside block comment.")
          errors.append(
            LexError(
              message: "  Comment started here.", offset: startOffset, line: startLine,
              column: startCol, tokenIndex: tokens.count))
        }
        flush(i)
        recording = false
        break
      }
    }
  }

  @inline(__always) mutating func push(
    _ kind: TokenKind, _ kw: Keyword, _ start: Int, _ sl: Int32, _ sc: Int32
  ) {
    tokens.append(
      Token(
        kind: kind, keyword: kw, start: Int32(start), end: Int32(i), line: sl, column: sc,
        endColumn: col))
  }

  mutating func readToken(_ b: UInt8) {
    let start = i
    let sl = line
    let sc = col
    if CharClass.isLetter(b) {
      i += 1
      while i < n && CharClass.isAlnum(p[i]) { i += 1 }
      col += Int32(i - start)
      push(.identifier, Keyword.identifier(p, start, i), start, sl, sc)
      return
    }
    if b == UInt8(ascii: "0") {
      advance()
      push(readNumber(startedWithZero: true, startedWithDot: false), .none, start, sl, sc)
      return
    }
    if b == UInt8(ascii: ".") {
      advance()
      if i < n && CharClass.isDigit(p[i]) {
        advance()
        if let prev = tokens.last, prev.kind == .identifier, prev.line == sl,
          prev.endColumn == sc
        {
          errors.append(
            LexError(
              message: "Need space between identifier and decimal point.",
              offset: Int32(start), line: line, column: col - 2, tokenIndex: tokens.count))
        }
        push(readNumber(startedWithZero: false, startedWithDot: true), .none, start, sl, sc)
      } else {
        push(.symbol, .dot, start, sl, sc)
      }
      return
    }
    if CharClass.isDigit(b) {
      advance()
      push(readNumber(startedWithZero: false, startedWithDot: false), .none, start, sl, sc)
      return
    }
    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
      advance()
      readString(b)
      push(.string, .none, start, sl, sc)
      return
    }
    if b & 0x80 != 0 {
      error("Interpreting non ascii codepoint \(b).")
    }
    advance()
    push(.symbol, Keyword.symbol(b), start, sl, sc)
  }

  mutating func readString(_ delimiter: UInt8) {
    while true {
      let b = c
      if b == 0 {
        error("Unexpected end of string.")
        return
      }
      if b == 10 {
        error("Multiline strings are not allowed. Did you miss a \"?.")
        return
      }
      if b == UInt8(ascii: "\\") {
        advance()
        let e = c
        if CharClass.isEscape(e) || CharClass.isOctal(e) {
          advance()
        } else if e == UInt8(ascii: "x") {
          advance()
          if CharClass.isHex(c) {
            advance()
          } else {
            error("Expected hex digits for escape sequence.")
          }
        } else if e == UInt8(ascii: "u") {
          advance()
          var ok = true
          for _ in 0..<4 {
            if CharClass.isHex(c) {
              advance()
            } else {
              ok = false
              break
            }
          }
          if !ok { error("Expected four hex digits for \\u escape sequence.") }
        } else if e == UInt8(ascii: "U") {
          advance()
          var ok = tryConsume(UInt8(ascii: "0")) && tryConsume(UInt8(ascii: "0"))
          ok = ok && (tryConsume(UInt8(ascii: "0")) || tryConsume(UInt8(ascii: "1")))
          if ok {
            for _ in 0..<5 {
              if CharClass.isHex(c) {
                advance()
              } else {
                ok = false
                break
              }
            }
          }
          if !ok {
            error("Expected eight hex digits up to 10ffff for \\U escape sequence")
          }
        } else {
          error("Invalid escape sequence in string literal.")
        }
        continue
      }
      advance()
      if b == delimiter { return }
    }
  }

  mutating func readNumber(startedWithZero: Bool, startedWithDot: Bool) -> TokenKind {
    var isFloat = false
    if startedWithZero && (tryConsume(UInt8(ascii: "x")) || tryConsume(UInt8(ascii: "X"))) {
      if CharClass.isHex(c) {
        while CharClass.isHex(c) { advance() }
      } else {
        error("\"0x\" must be followed by hex digits.")
      }
    } else if startedWithZero && CharClass.isDigit(c) {
      while CharClass.isOctal(c) { advance() }
      if CharClass.isDigit(c) {
        error("Numbers starting with leading zero must be in octal.")
        while CharClass.isDigit(c) { advance() }
      }
    } else {
      if startedWithDot {
        isFloat = true
        while CharClass.isDigit(c) { advance() }
      } else {
        while CharClass.isDigit(c) { advance() }
        if tryConsume(UInt8(ascii: ".")) {
          isFloat = true
          while CharClass.isDigit(c) { advance() }
        }
      }
      if tryConsume(UInt8(ascii: "e")) || tryConsume(UInt8(ascii: "E")) {
        isFloat = true
        _ = tryConsume(UInt8(ascii: "-")) || tryConsume(UInt8(ascii: "+"))
        if CharClass.isDigit(c) {
          while CharClass.isDigit(c) { advance() }
        } else {
          error("\"e\" must be followed by exponent.")
        }
      }
    }
    if CharClass.isLetter(c) {
      error("Need space between number and identifier.")
    } else if c == UInt8(ascii: ".") {
      if isFloat {
        error("Already saw decimal point or exponent; can't have another one.")
      } else {
        error("Hex and octal numbers must be integers.")
      }
    }
    return isFloat ? .float : .integer
  }
}
