// Block-style YAML laid out as go-yaml v4 lays it out with 4-space indentation (the writer
// behind upstream's documents): nested levels at the next multiple of 4, a mapping inside a
// sequence item two columns after its dash, multi-line strings as literal blocks, and each
// string in the plainest style that reads back as the same string.

/// Renders an ``OpenAPIValue`` as YAML.
enum YAMLWriter {
  private static let step = 4

  static func render(_ v: OpenAPIValue) -> String {
    var out = ""
    switch v {
    case .object(let m) where !m.isEmpty: mapping(m, indent: 0, into: &out)
    case .array(let a) where !a.isEmpty: sequence(a, indent: 0, into: &out)
    default: out += scalar(v, indent: 0) + "\n"
    }
    return out
  }

  /// Where a nested block starts: the next multiple of the indentation step.
  private static func nested(_ indent: Int) -> Int { step * ((indent + step) / step) }

  private static func mapping(_ members: [(String, OpenAPIValue)], indent: Int, into out: inout String) {
    var first = true
    for (k, value) in members {
      // The first key of a mapping inside a sequence item sits on the dash line already.
      if !first || !out.hasSuffix("- ") { out += String(repeating: " ", count: indent) }
      first = false
      out += YAMLScalar.key(k) + ":"
      child(value, indent: indent, into: &out)
    }
  }

  private static func sequence(_ items: [OpenAPIValue], indent: Int, into out: inout String) {
    var first = true
    for item in items {
      if !first || !out.hasSuffix("- ") { out += String(repeating: " ", count: indent) }
      first = false
      out += "- "
      switch item {
      case .object(let m) where !m.isEmpty: mapping(m, indent: indent + 2, into: &out)
      case .array(let a) where !a.isEmpty: sequence(a, indent: indent + 2, into: &out)
      default: out += scalar(item, indent: indent + 2) + "\n"
      }
    }
  }

  private static func child(_ value: OpenAPIValue, indent: Int, into out: inout String) {
    switch value {
    case .object(let m) where !m.isEmpty:
      out += "\n"
      mapping(m, indent: nested(indent), into: &out)
    case .array(let a) where !a.isEmpty:
      out += "\n"
      sequence(a, indent: nested(indent), into: &out)
    default:
      out += " " + scalar(value, indent: nested(indent)) + "\n"
    }
  }

  /// A scalar value; `indent` is where a literal block's lines go.
  private static func scalar(_ v: OpenAPIValue, indent: Int) -> String {
    switch v {
    case .string(let s): return YAMLScalar.value(s, indent: indent)
    case .int(let i): return String(i)
    case .uint(let u): return String(u)
    case .double(let d): return JSONWriter.number(d)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array: return "[]"
    case .object: return "{}"
    }
  }
}

/// How one string is written: plain when that reads back as the same string, else single- or
/// double-quoted, or a literal block when it spans lines (libyaml's scalar analysis).
enum YAMLScalar {
  static func key(_ s: String) -> String {
    let a = Analysis(s)
    if s.isEmpty { return "''" }
    if a.plain && !resolvesToNonString(s) { return s }
    if resolvesToNonString(s) || !a.singleQuoted || a.multiline { return doubleQuoted(s) }
    return singleQuoted(s)
  }

  static func value(_ s: String, indent: Int) -> String {
    let a = Analysis(s)
    if s.contains("\n") {
      return a.block ? literal(s, indent: indent) : doubleQuoted(s)
    }
    if resolvesToNonString(s) { return doubleQuoted(s) }
    if a.plain { return s }
    return a.singleQuoted ? singleQuoted(s) : doubleQuoted(s)
  }

  private static func singleQuoted(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
  }

  private static func literal(_ s: String, indent: Int) -> String {
    var trailing = 0
    for c in s.unicodeScalars.reversed() {
      guard c == "\n" else { break }
      trailing += 1
    }
    let chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+"
    let hint = s.unicodeScalars.first == " " ? String(4) : ""
    var out = "|" + hint + chomp
    let pad = String(repeating: " ", count: indent)
    for line in s.dropLast(trailing).split(separator: "\n", omittingEmptySubsequences: false) {
      out += "\n" + (line.isEmpty ? "" : pad + line)
    }
    for _ in 0..<max(0, trailing - 1) { out += "\n" }
    return out
  }

  static func doubleQuoted(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\0": out += "\\0"
      case "\u{07}": out += "\\a"
      case "\u{08}": out += "\\b"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\u{0B}": out += "\\v"
      case "\u{0C}": out += "\\f"
      case "\r": out += "\\r"
      case "\u{1B}": out += "\\e"
      case "\u{85}": out += "\\N"
      case "\u{2028}": out += "\\L"
      case "\u{2029}": out += "\\P"
      default:
        if Analysis.printable(u), u != "\u{FEFF}" {
          out.unicodeScalars.append(u)
        } else {
          let (prefix, width) = u.value <= 0xFF ? ("\\x", 2) : u.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
          let hex = String(u.value, radix: 16, uppercase: true)
          out += prefix + String(repeating: "0", count: width - hex.count) + hex
        }
      }
    }
    return out + "\""
  }

  /// Whether a YAML reader takes the plain scalar `s` for a null, boolean, number or date.
  static func resolvesToNonString(_ s: String) -> Bool {
    let words: Set<String> = [
      "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
      ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<",
    ]
    if words.contains(s) { return true }
    guard let first = s.unicodeScalars.first, "+-.0123456789".unicodeScalars.contains(first) else { return false }
    if isDate(s) { return true }
    let plain = s.replacingOccurrences(of: "_", with: "")
    return isInteger(plain) || isFloat(plain)
  }

  private static func isInteger(_ s: String) -> Bool {
    var body = Substring(s)
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    func all(_ t: Substring, _ digits: String) -> Bool { !t.isEmpty && t.allSatisfy { digits.contains($0) } }
    let lower = body.lowercased()
    if lower.hasPrefix("0x") { return all(body.dropFirst(2), "0123456789abcdefABCDEF") }
    if lower.hasPrefix("0o") { return all(body.dropFirst(2), "01234567") }
    if lower.hasPrefix("0b") { return all(body.dropFirst(2), "01") }
    if body.count > 1, body.first == "0" { return all(body.dropFirst(), "01234567") }
    return all(body, "0123456789")
  }

  /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
  private static func isFloat(_ s: String) -> Bool {
    let c = Array(s.unicodeScalars)
    var i = 0
    func digits() -> Int {
      let start = i
      while i < c.count, ("0"..."9").contains(c[i]) { i += 1 }
      return i - start
    }
    if i < c.count, c[i] == "-" || c[i] == "+" { i += 1 }
    if i < c.count, c[i] == "." {
      i += 1
      if digits() == 0 { return false }
    } else {
      if digits() == 0 { return false }
      if i < c.count, c[i] == "." {
        i += 1
        _ = digits()
      }
    }
    if i < c.count, c[i] == "e" || c[i] == "E" {
      i += 1
      if i < c.count, c[i] == "-" || c[i] == "+" { i += 1 }
      if digits() == 0 { return false }
    }
    return i == c.count
  }

  /// `YYYY-M-D`, optionally followed by a time: what YAML reads as a timestamp.
  private static func isDate(_ s: String) -> Bool {
    let c = Array(s.utf8)
    guard c.count >= 8, c[0...3].allSatisfy({ $0 >= 48 && $0 <= 57 }), c[4] == UInt8(ascii: "-") else { return false }
    var i = 5
    func number(_ maxLen: Int) -> Bool {
      let start = i
      while i < c.count, i - start < maxLen, c[i] >= 48 && c[i] <= 57 { i += 1 }
      return i > start
    }
    guard number(2), i < c.count, c[i] == UInt8(ascii: "-") else { return false }
    i += 1
    guard number(2) else { return false }
    if i == c.count { return true }
    guard c[i] == UInt8(ascii: "T") || c[i] == UInt8(ascii: "t") || c[i] == UInt8(ascii: " ") else { return false }
    i += 1
    guard number(2), i < c.count, c[i] == UInt8(ascii: ":") else { return false }
    i += 1
    guard number(2), i < c.count, c[i] == UInt8(ascii: ":") else { return false }
    i += 1
    return number(2)
  }

  /// libyaml's scalar analysis: which styles can write a string so it reads back unchanged.
  struct Analysis {
    var plain = true
    var singleQuoted = true
    var block = true
    var multiline = false

    static func printable(_ u: Unicode.Scalar) -> Bool {
      let v = u.value
      return v == 0x0A || (0x20...0x7E).contains(v) || (0xA0...0xD7FF).contains(v)
        || ((0xE000...0xFFFD).contains(v) && v != 0xFEFF)
    }

    private static func isBreak(_ u: Unicode.Scalar) -> Bool {
      u == "\r" || u == "\n" || u == "\u{85}" || u == "\u{2028}" || u == "\u{2029}"
    }

    init(_ s: String) {
      let c = Array(s.unicodeScalars)
      if c.isEmpty {
        plain = false
        block = false
        return
      }
      var blockIndicators = false
      var leadingSpace = false
      var leadingBreak = false
      var trailingSpace = false
      var trailingBreak = false
      var breakSpace = false
      var spaceBreak = false
      var tabs = false
      var special = false
      var previousSpace = false
      var previousBreak = false
      var precededByWhitespace = true
      if c.count >= 3, c[0...2] == ["-", "-", "-"] || c[0...2] == [".", ".", "."] { blockIndicators = true }
      func blank(_ i: Int) -> Bool { i >= c.count || c[i] == " " || c[i] == "\t" || Self.isBreak(c[i]) }
      for (i, u) in c.enumerated() {
        let followedByWhitespace = blank(i + 1)
        if i == 0 {
          if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(u) { blockIndicators = true }
          if u == "?" || u == ":", followedByWhitespace { blockIndicators = true }
          if u == "-", followedByWhitespace { blockIndicators = true }
        } else {
          if u == ":", followedByWhitespace { blockIndicators = true }
          if u == "#", precededByWhitespace { blockIndicators = true }
        }
        if u == "\t" {
          tabs = true
        } else if !Self.printable(u) || u == "\u{FEFF}" {
          special = true
        }
        if Self.isBreak(u) { multiline = true }
        if u == " " {
          if i == 0 { leadingSpace = true }
          if i == c.count - 1 { trailingSpace = true }
          if previousBreak { breakSpace = true }
          previousSpace = true
          previousBreak = false
        } else if Self.isBreak(u) {
          if i == 0 { leadingBreak = true }
          if i == c.count - 1 { trailingBreak = true }
          if previousSpace { spaceBreak = true }
          previousBreak = true
          previousSpace = false
        } else {
          previousSpace = false
          previousBreak = false
        }
        precededByWhitespace = u == " " || u == "\t" || Self.isBreak(u)
      }
      if leadingSpace || leadingBreak || trailingSpace || trailingBreak { plain = false }
      if trailingSpace { block = false }
      if breakSpace {
        plain = false
        singleQuoted = false
      }
      if spaceBreak || tabs || special {
        plain = false
        singleQuoted = false
      }
      if spaceBreak || special { block = false }
      if multiline { plain = false }
      if blockIndicators { plain = false }
    }
  }
}
