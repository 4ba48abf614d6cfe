import Foundation
import SwiftProtobuf

/// Pass 3: every field gets a `json_name` (protoc's `ToJsonName` unless written)
/// and default values are re-emitted as protoc prints them.
extension FileLinker {
  func setJSONNamesAndDefaults() {
    file.updateEach(\.messageType) { i, m in fixMessage(&m, path: [4, Int32(i)]) }
    file.updateEach(\.extension) { i, f in fixField(&f, path: [7, Int32(i)]) }
  }

  private func fixMessage(_ m: inout MessageProto, path: [Int32]) {
    m.updateEach(\.field) { i, f in fixField(&f, path: path + [2, Int32(i)]) }
    m.updateEach(\.extension) { i, f in fixField(&f, path: path + [6, Int32(i)]) }
    m.updateEach(\.nestedType) { i, n in fixMessage(&n, path: path + [3, Int32(i)]) }
  }

  private func fixField(_ f: inout FieldProto, path: [Int32]) {
    if !f.hasJsonName { f.jsonName = DescriptorNames.defaultJSONName(f.name) }
    guard f.hasDefaultValue, f.hasType else { return }
    if let v = normalizedDefault(f, path: path) { f.defaultValue = v }
  }

  /// The default as protoc's `DefaultValueAsString` prints it after parsing it.
  private func normalizedDefault(_ f: FieldProto, path: [Int32]) -> String? {
    let s = f.defaultValue
    func bad() -> String? {
      error("Couldn't parse default value \"\(s)\".", at: path + [7])
      return nil
    }
    switch f.type {
    case .int32, .sint32, .sfixed32:
      guard let v = Self.parseCInteger(s) else { return bad() }
      return String(Int32(truncatingIfNeeded: v))
    case .int64, .sint64, .sfixed64:
      guard let v = Self.parseCInteger(s) else { return bad() }
      return String(Int64(truncatingIfNeeded: v))
    case .uint32, .fixed32:
      guard let v = Self.parseCInteger(s) else { return bad() }
      return String(UInt32(truncatingIfNeeded: v))
    case .uint64, .fixed64:
      guard let v = Self.parseCInteger(s) else { return bad() }
      return String(UInt64(truncatingIfNeeded: v))
    case .float:
      if s == "inf" || s == "-inf" || s == "nan" { return s }
      guard let d = Self.parseDouble(s) else { return bad() }
      return FloatFormat.simpleFtoa(Float(d))
    case .double:
      if s == "inf" || s == "-inf" || s == "nan" { return s }
      guard let d = Self.parseDouble(s) else { return bad() }
      return FloatFormat.simpleDtoa(d)
    case .bool:
      if s != "true" && s != "false" {
        error("Boolean default must be true or false.", at: path + [7])
        return nil
      }
      return s
    case .bytes:
      return CEscape.escape(CEscape.unescape(s))
    default:
      return nil
    }
  }

  /// `strtoll`/`strtoull` with base 0 over the whole string (sign, 0x, leading 0).
  /// Returns the two's-complement bit pattern.
  static func parseCInteger(_ s: String) -> UInt64? {
    var b = Substring(s)
    var neg = false
    if b.hasPrefix("-") {
      neg = true
      b = b.dropFirst()
    } else if b.hasPrefix("+") {
      b = b.dropFirst()
    }
    guard !b.isEmpty else { return nil }
    var radix = 10
    if b.hasPrefix("0x") || b.hasPrefix("0X") {
      radix = 16
      b = b.dropFirst(2)
    } else if b.count > 1 && b.hasPrefix("0") {
      radix = 8
      b = b.dropFirst()
    }
    guard let v = UInt64(b, radix: radix) else { return nil }
    return neg ? 0 &- v : v
  }

  /// `strtod` over the whole string.
  static func parseDouble(_ s: String) -> Double? {
    guard !s.isEmpty else { return nil }
    let lower = s.lowercased()
    if lower.hasPrefix("0x") || lower.hasPrefix("-0x") { return nil }
    return Double(s)
  }
}

/// protoc's `SimpleDtoa` / `SimpleFtoa`: the shortest of `%.15g`/`%.17g` (doubles)
/// or `%.6g`/`%.9g` (floats) that reads back as the same value.
enum FloatFormat {
  static func simpleDtoa(_ v: Double) -> String {
    if v == .infinity { return "inf" }
    if v == -.infinity { return "-inf" }
    if v.isNaN { return "nan" }
    let a = format(v, 15)
    if Double(a) == v { return a }
    return format(v, 17)
  }

  static func simpleFtoa(_ v: Float) -> String {
    if v == .infinity { return "inf" }
    if v == -.infinity { return "-inf" }
    if v.isNaN { return "nan" }
    // protoc's safe_strtof rejects results that underflow (subnormals), so those
    // always take the long form.
    let a = format(Double(v), 6)
    if v.isNormal || v == 0, let p = Double(a), Float(p) == v { return a }
    return format(Double(v), 9)
  }

  static func format(_ v: Double, _ digits: Int32) -> String {
    var buf = [CChar](repeating: 0, count: 64)
    let n = withVaList([digits, v]) { vsnprintf(&buf, 64, "%.*g", $0) }
    return String(decoding: buf[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// C-style escaping as protoc's `CEscape`/`UnescapeCEscapeString`.
enum CEscape {
  static func escape(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for c in bytes {
      switch c {
      case 10: out += [92, 110]
      case 13: out += [92, 114]
      case 9: out += [92, 116]
      case 34: out += [92, 34]
      case 39: out += [92, 39]
      case 92: out += [92, 92]
      default:
        if c < 0x20 || c >= 0x7f {
          out += [92, 48 + (c >> 6), 48 + ((c >> 3) & 7), 48 + (c & 7)]
        } else {
          out.append(c)
        }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func unescape(_ s: String) -> [UInt8] {
    let b = Array(s.utf8)
    var out: [UInt8] = []
    var i = 0
    func hexVal(_ c: UInt8) -> UInt8? {
      switch c {
      case 48...57: c - 48
      case 97...102: c - 87
      case 65...70: c - 55
      default: nil
      }
    }
    while i < b.count {
      let c = b[i]
      guard c == 92, i + 1 < b.count else {
        out.append(c)
        i += 1
        continue
      }
      i += 1
      let e = b[i]
      switch e {
      case 110:
        out.append(10)
        i += 1
      case 114:
        out.append(13)
        i += 1
      case 116:
        out.append(9)
        i += 1
      case 97:
        out.append(7)
        i += 1
      case 98:
        out.append(8)
        i += 1
      case 102:
        out.append(12)
        i += 1
      case 118:
        out.append(11)
        i += 1
      case 48...55:
        var v = 0
        var n = 0
        while n < 3 && i < b.count && b[i] >= 48 && b[i] <= 55 {
          v = v * 8 + Int(b[i] - 48)
          i += 1
          n += 1
        }
        out.append(UInt8(truncatingIfNeeded: v))
      case 120, 88:
        i += 1
        var v = 0
        var n = 0
        while n < 2 && i < b.count, let h = hexVal(b[i]) {
          v = v * 16 + Int(h)
          i += 1
          n += 1
        }
        out.append(UInt8(truncatingIfNeeded: v))
      default:
        out.append(e)
        i += 1
      }
    }
    return out
  }
}
