// JSON as upstream sebuf writes its documents (its YAML converted by Go's encoding/json):
// compact, object keys sorted bytewise, `<`, `>`, `&`, U+2028 and U+2029 escaped, and no
// trailing newline, so a committed upstream document stays byte-identical.
import Basics

/// Renders an ``OpenAPIValue`` as compact JSON.
enum JSONWriter {
  static func render(_ v: OpenAPIValue) -> String {
    var out = ""
    write(v, into: &out)
    return out
  }

  private static func write(_ v: OpenAPIValue, into out: inout String) {
    switch v {
    case .object(let members):
      out += "{"
      let sorted = members.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
      for (i, (k, value)) in sorted.enumerated() {
        if i > 0 { out += "," }
        out += quote(k) + ":"
        write(value, into: &out)
      }
      out += "}"
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        write(item, into: &out)
      }
      out += "]"
    case .string(let s): out += quote(s)
    case .int(let i): out += String(i)
    case .uint(let u): out += String(u)
    case .double(let d): out += number(d)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    }
  }

  /// A number as Go writes a float64: integral values without a fraction.
  static func number(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e18 { return String(Int64(d)) }
    return "\(d)"
  }

  /// A JSON string with Go's HTML-safe escapes.
  static func quote(_ s: String) -> String {
    var out = ""
    for u in JSONString.quote(s).unicodeScalars {
      switch u {
      case "<": out += "\\u003c"
      case ">": out += "\\u003e"
      case "&": out += "\\u0026"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}
