// An ordered JSON-like tree for OpenAPI documents and its two deterministic writers: YAML
// (block style, 2-space indent, strings quoted whenever plain style could be misread) and JSON
// (2-space indent). Key order is insertion order, so output never depends on hashing.
import Basics
import Diagnostics

/// A JSON value whose objects keep their key order.
indirect enum OpenAPIValue: Equatable {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null
  case array([OpenAPIValue])
  case object([(String, OpenAPIValue)])

  static func == (a: OpenAPIValue, b: OpenAPIValue) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.null, .null): return true
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// Builds an object, dropping `nil` members.
  static func obj(_ members: [(String, OpenAPIValue?)]) -> OpenAPIValue {
    .object(members.compactMap { k, v in v.map { (k, $0) } })
  }

  static func ref(_ schema: String) -> OpenAPIValue { .object([("$ref", .string("#/components/schemas/" + schema))]) }
}

/// A mutable ordered object, for building documents step by step.
struct OrderedObject {
  private(set) var keys: [String] = []
  private var values: [String: OpenAPIValue] = [:]

  subscript(key: String) -> OpenAPIValue? {
    get { values[key] }
    set {
      if values[key] == nil, newValue != nil { keys.append(key) }
      if newValue == nil { keys.removeAll { $0 == key } }
      values[key] = newValue
    }
  }

  var value: OpenAPIValue { .object(keys.map { ($0, values[$0] ?? .null) }) }
  var isEmpty: Bool { keys.isEmpty }
}

/// Block-style YAML; strings are plain only when no YAML reader could take them for anything else.
enum YAMLWriter {
  static func render(_ v: OpenAPIValue) -> String {
    var out = ""
    write(v, indent: 0, into: &out)
    return out
  }

  private static func write(_ v: OpenAPIValue, indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent)
    switch v {
    case .object(let members):
      for (k, value) in members {
        out += pad + key(k) + ":"
        writeChild(value, indent: indent, into: &out)
      }
    case .array(let items):
      for item in items {
        switch item {
        case .object(let m) where !m.isEmpty:
          // The first member goes on the dash line; the rest align under it.
          var body = ""
          write(item, indent: indent + 2, into: &body)
          out += pad + "- " + body.dropFirst(indent + 2)
        case .array(let a) where !a.isEmpty:
          out += pad + "-\n"
          write(item, indent: indent + 2, into: &out)
        default:
          out += pad + "- " + scalar(item) + "\n"
        }
      }
    default:
      out += pad + scalar(v) + "\n"
    }
  }

  private static func writeChild(_ value: OpenAPIValue, indent: Int, into out: inout String) {
    switch value {
    case .object(let m) where !m.isEmpty:
      out += "\n"
      write(value, indent: indent + 2, into: &out)
    case .array(let a) where !a.isEmpty:
      out += "\n"
      write(value, indent: indent + 2, into: &out)
    default:
      out += " " + scalar(value) + "\n"
    }
  }

  private static func scalar(_ v: OpenAPIValue) -> String {
    switch v {
    case .string(let s): return string(s)
    case .int(let i): return String(i)
    case .double(let d): return JSONWriter.number(d)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array: return "[]"
    case .object: return "{}"
    }
  }

  private static func key(_ k: String) -> String { string(k) }

  private static let reservedWords: Set<String> = [
    "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
  ]

  /// A string scalar: plain when unambiguous, else JSON-style double-quoted (valid YAML).
  static func string(_ s: String) -> String {
    plainSafe(s) ? s : JSONWriter.quote(s)
  }

  private static func plainSafe(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
    if reservedWords.contains(s.lowercased()) { return false }
    if first == " " || last == " " { return false }
    if "-?:,[]{}#&*!|>'\"%@`.0123456789+=<".unicodeScalars.contains(first) { return false }
    if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
    for u in s.unicodeScalars {
      if u.value < 0x20 || u.value == 0x7F || u.value > 0x7E { return false }
      if "{}[],\"'\\`|>".unicodeScalars.contains(u) { return false }
    }
    return true
  }
}

/// Pretty JSON with a trailing newline.
enum JSONWriter {
  static func render(_ v: OpenAPIValue) -> String {
    var out = ""
    write(v, indent: 0, into: &out)
    return out + "\n"
  }

  private static func write(_ v: OpenAPIValue, indent: Int, into out: inout String) {
    let inner = String(repeating: " ", count: indent + 2)
    let pad = String(repeating: " ", count: indent)
    switch v {
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (i, (k, value)) in members.enumerated() {
        out += inner + quote(k) + ": "
        write(value, indent: indent + 2, into: &out)
        out += i + 1 < members.count ? ",\n" : "\n"
      }
      out += pad + "}"
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += inner
        write(item, indent: indent + 2, into: &out)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += pad + "]"
    case .string(let s): out += quote(s)
    case .int(let i): out += String(i)
    case .double(let d): out += number(d)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    }
  }

  static func number(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    return "\(d)"
  }

  static func quote(_ s: String) -> String { JSONString.quote(s) }
}
