#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decoding of literal tokens the way protoc's `Tokenizer::Parse*` helpers do it.
/// They accept any text the lexer produced, errors included, and never trap.
enum Literals {
  /// protoc's `ParseInteger`: decimal, `0x` hex or leading-zero octal; nil when a
  /// digit is out of the base or the value exceeds `max`.
  static func parseInteger(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, max: UInt64)
    -> UInt64?
  {
    var k = start
    var base: UInt64 = 10
    if k < end && p[k] == UInt8(ascii: "0") {
      if k + 1 < end && (p[k + 1] == UInt8(ascii: "x") || p[k + 1] == UInt8(ascii: "X")) {
        base = 16
        k += 2
      } else {
        base = 8
      }
    }
    var result: UInt64 = 0
    while k < end {
      let d = UInt64(digitValue(p[k]))
      if d >= base { return nil }
      let (m, o1) = result.multipliedReportingOverflow(by: base)
      if o1 { return nil }
      let (a, o2) = m.addingReportingOverflow(d)
      if o2 { return nil }
      result = a
      k += 1
    }
    return result <= max ? result : nil
  }

  @inline(__always) static func digitValue(_ c: UInt8) -> Int {
    switch c {
    case 48...57: Int(c - 48)
    case 97...122: Int(c - 97 + 10)
    case 65...90: Int(c - 65 + 10)
    default: 36
    }
  }

  /// protoc's `ParseFloat`: strtod over the token text (which may end in a dangling
  /// exponent after a lexer error).
  static func parseFloat(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double {
    var buf = [CChar](repeating: 0, count: end - start + 1)
    for k in start..<end { buf[k - start] = CChar(bitPattern: p[k]) }
    return buf.withUnsafeBufferPointer { strtod($0.baseAddress!, nil) }
  }

  /// protoc's `ParseStringAppend`: appends the decoded bytes of one string token
  /// (quotes included in `start..<end`).
  static func appendString(
    _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to out: inout [UInt8]
  ) {
    guard end > start else { return }
    let quote = p[start]
    var k = start + 1
    // protoc reads the token as a C string: an embedded NUL would end it, but the lexer
    // never puts one in a string token.
    @inline(__always) func at(_ j: Int) -> UInt8 { j < end ? p[j] : 0 }
    while k < end {
      let b = p[k]
      if b == UInt8(ascii: "\\") && at(k + 1) != 0 {
        k += 1
        let e = p[k]
        if CharClass.isOctal(e) {
          var code = Int(e - 48)
          if CharClass.isOctal(at(k + 1)) {
            k += 1
            code = code * 8 + Int(p[k] - 48)
          }
          if CharClass.isOctal(at(k + 1)) {
            k += 1
            code = code * 8 + Int(p[k] - 48)
          }
          out.append(UInt8(truncatingIfNeeded: code))
        } else if e == UInt8(ascii: "x") {
          var code = 0
          if CharClass.isHex(at(k + 1)) {
            k += 1
            code = digitValue(p[k])
          }
          if CharClass.isHex(at(k + 1)) {
            k += 1
            code = code * 16 + digitValue(p[k])
          }
          out.append(UInt8(truncatingIfNeeded: code))
        } else if e == UInt8(ascii: "u") || e == UInt8(ascii: "U") {
          if let (cp, next) = unicodeEscape(p, k, end) {
            appendUTF8(cp, to: &out)
            k = next - 1
          } else {
            out.append(e)
          }
        } else {
          out.append(translateEscape(e))
        }
      } else if b == quote && k + 1 == end {
        // The closing quote.
      } else {
        out.append(b)
      }
      k += 1
    }
  }

  static func translateEscape(_ c: UInt8) -> UInt8 {
    switch c {
    case UInt8(ascii: "a"): 7
    case UInt8(ascii: "b"): 8
    case UInt8(ascii: "f"): 12
    case UInt8(ascii: "n"): 10
    case UInt8(ascii: "r"): 13
    case UInt8(ascii: "t"): 9
    case UInt8(ascii: "v"): 11
    case UInt8(ascii: "\\"): 92
    case UInt8(ascii: "?"): 63
    case UInt8(ascii: "'"): 39
    case UInt8(ascii: "\""): 34
    default: 63
    }
  }

  /// Reads `\uXXXX` / `\UXXXXXXXX` at `k` (pointing at the u/U), joining a UTF-16
  /// surrogate pair; returns the code point and the index after the sequence.
  static func unicodeEscape(_ p: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int) -> (UInt32, Int)? {
    let len = p[k] == UInt8(ascii: "u") ? 4 : 8
    guard let cp = readHex(p, k + 1, len, end) else { return nil }
    var next = k + 1 + len
    var code = cp
    if code >= 0xD800 && code < 0xDC00 && next + 1 < end && p[next] == UInt8(ascii: "\\")
      && p[next + 1] == UInt8(ascii: "u")
    {
      if let trail = readHex(p, next + 2, 4, end), trail >= 0xDC00 && trail < 0xE000 {
        code = 0x10000 + (((code - 0xD800) << 10) | (trail - 0xDC00))
        next += 6
      }
    }
    return (code, next)
  }

  private static func readHex(_ p: UnsafeBufferPointer<UInt8>, _ k: Int, _ len: Int, _ end: Int)
    -> UInt32?
  {
    var r: UInt32 = 0
    for j in k..<(k + len) {
      guard j < end else { return nil }
      // protoc does not check the digits here (the lexer did); mirror its arithmetic.
      r = (r &<< 4) &+ UInt32(digitValue(p[j]))
    }
    return r
  }

  static func appendUTF8(_ cp: UInt32, to out: inout [UInt8]) {
    switch cp {
    case 0...0x7F:
      out.append(UInt8(cp))
    case 0x80...0x7FF:
      out.append(UInt8(0xC0 | (cp >> 6)))
      out.append(UInt8(0x80 | (cp & 0x3F)))
    case 0x800...0xFFFF:
      out.append(UInt8(0xE0 | (cp >> 12)))
      out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (cp & 0x3F)))
    case 0x10000...0x10FFFF:
      out.append(UInt8(0xF0 | (cp >> 18)))
      out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (cp & 0x3F)))
    default:
      var hex = String(cp, radix: 16)
      while hex.count < 8 { hex = "0" + hex }
      out.append(contentsOf: Array("\\U\(hex)".utf8))
    }
  }

  /// protoc's `SimpleDtoa`: `%.15g`, or `%.17g` when that does not round-trip.
  static func simpleDtoa(_ v: Double) -> String {
    if v == .infinity { return "inf" }
    if v == -.infinity { return "-inf" }
    if v.isNaN { return "nan" }
    let short = format(v, precision: 15)
    if let back = Double(short), back == v { return short }
    return format(v, precision: 17)
  }

  private static func format(_ v: Double, precision: Int32) -> String {
    var buf = [CChar](repeating: 0, count: 64)
    _ = withVaList([v]) { args in
      buf.withUnsafeMutableBufferPointer { b in
        vsnprintf(b.baseAddress!, 64, precision == 15 ? "%.15g" : "%.17g", args)
      }
    }
    return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// protoc's `CEscape`: C escapes for quotes, backslash and \n \r \t; 3-digit octal for
  /// every other byte outside printable ASCII.
  static func cEscape(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for b in bytes {
      switch b {
      case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
      case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
      case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
      case 34: out.append(contentsOf: [92, 34])
      case 39: out.append(contentsOf: [92, 39])
      case 92: out.append(contentsOf: [92, 92])
      case 0x20...0x7E: out.append(b)
      default:
        out.append(92)
        out.append(48 + (b >> 6))
        out.append(48 + ((b >> 3) & 7))
        out.append(48 + (b & 7))
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
