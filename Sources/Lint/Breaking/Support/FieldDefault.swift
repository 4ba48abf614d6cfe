// A field's default value as buf compares and prints it: strings and bytes compare as
// text, every numeric kind (bool and enum included) compares by value.
import Foundation

struct FieldDefault {
  enum Value {
    case text(String)
    case number(Double, exact: String)  // `exact` keeps 64-bit integers lossless
    case nan
  }
  let value: Value
  let printable: String
  let isZero: Bool

  /// nil when the field cannot have a default (repeated, map, message).
  init?(_ field: FieldNode, in schema: SchemaIndex) {
    let d = field.descriptor
    if d.label == .repeated || field.type == .message || field.type == .group { return nil }
    let raw = d.hasDefaultValue ? d.defaultValue : nil
    switch field.type {
    case .string:
      let s = raw ?? ""
      value = .text(s)
      printable = quoted(s)
      isZero = s.isEmpty
    case .bytes:
      let bytes = FieldDefault.unescapeBytes(raw ?? "")
      value = .text(String(decoding: bytes, as: UTF8.self) + "\u{0}\(bytes.count)")
      printable = "[" + bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: ",") + "]"
      isZero = bytes.isEmpty
    case .enum:
      let e = schema.enums[field.typeName]
      let values = e?.descriptor.value ?? []
      let chosen = raw.flatMap { name in values.first { $0.name == name } } ?? values.first
      let number = chosen?.number ?? 0
      value = .number(Double(number), exact: String(number))
      printable = (e?.name ?? "") + "." + (chosen?.name ?? "")
      isZero = number == 0
    case .bool:
      let b = raw == "true"
      value = .number(b ? 1 : 0, exact: b ? "1" : "0")
      printable = b ? "true" : "false"
      isZero = !b
    case .float, .double:
      let text = raw ?? "0"
      let v: Double
      switch text {
      case "inf": v = .infinity
      case "-inf": v = -.infinity
      case "nan", "-nan": v = .nan
      default: v = Double(text) ?? 0
      }
      let narrowed = field.type == .float ? Double(Float(v)) : v
      value = v.isNaN ? .nan : .number(narrowed, exact: FieldDefault.exactText(narrowed))
      printable = FieldDefault.goFloat(narrowed, float32: field.type == .float)
      isZero = !v.isNaN && narrowed == 0 && narrowed.sign == .plus
    default:
      let text = raw ?? "0"
      value = .number(Double(text) ?? 0, exact: FieldDefault.normalizeInteger(text))
      printable = FieldDefault.normalizeInteger(text)
      isZero = FieldDefault.normalizeInteger(text) == "0"
    }
  }

  func equals(_ other: FieldDefault) -> Bool {
    switch (value, other.value) {
    case (.text(let a), .text(let b)): return a == b
    case (.nan, .nan): return true
    case (.number(_, let a), .number(_, let b)): return a == b
    default: return false
    }
  }

  private static func normalizeInteger(_ s: String) -> String {
    if let v = Int64(s) { return String(v) }
    if let v = UInt64(s) { return String(v) }
    if s.hasPrefix("0x") || s.hasPrefix("0X"), let v = UInt64(s.dropFirst(2), radix: 16) { return String(v) }
    if s.hasPrefix("-0x"), let v = Int64(s.dropFirst(3), radix: 16) { return String(-v) }
    return s
  }

  private static func exactText(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e18 { return String(Int64(d)) }
    return String(d)
  }

  /// Go's `%v` of a float32/float64: shortest digits, exponent form from 1e21.
  static func goFloat(_ d: Double, float32: Bool) -> String {
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    if d.isNaN { return "NaN" }
    let s = float32 ? "\(Float(d))" : "\(d)"
    var out = s
    if out.hasSuffix(".0") { out.removeLast(2) }
    if let e = out.firstIndex(of: "e") {
      var mantissa = String(out[..<e])
      if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
      var exp = String(out[out.index(after: e)...])
      var sign = "+"
      if exp.hasPrefix("-") {
        sign = "-"
        exp.removeFirst()
      } else if exp.hasPrefix("+") {
        exp.removeFirst()
      }
      if exp.count < 2 { exp = "0" + exp }
      out = mantissa + "e" + sign + exp
    }
    return out
  }

  /// protoc stores bytes defaults C-escaped.
  static func unescapeBytes(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    let b = Array(s.utf8)
    var i = 0
    while i < b.count {
      if b[i] == UInt8(ascii: "\\"), i + 1 < b.count {
        let c = b[i + 1]
        switch c {
        case UInt8(ascii: "n"):
          out.append(10)
          i += 2
        case UInt8(ascii: "r"):
          out.append(13)
          i += 2
        case UInt8(ascii: "t"):
          out.append(9)
          i += 2
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""):
          out.append(c)
          i += 2
        case UInt8(ascii: "x"):
          var j = i + 2
          var v = 0
          while j < b.count, j < i + 4, let d = hex(b[j]) {
            v = v * 16 + d
            j += 1
          }
          out.append(UInt8(v & 0xff))
          i = j
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
          var j = i + 1
          var v = 0
          while j < b.count, j < i + 4, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(b[j]) {
            v = v * 8 + Int(b[j] - UInt8(ascii: "0"))
            j += 1
          }
          out.append(UInt8(v & 0xff))
          i = j
        default:
          out.append(c)
          i += 2
        }
      } else {
        out.append(b[i])
        i += 1
      }
    }
    return out
  }

  private static func hex(_ c: UInt8) -> Int? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(c - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(c - UInt8(ascii: "A")) + 10
    default: nil
    }
  }
}
