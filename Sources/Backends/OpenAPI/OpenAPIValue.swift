// An ordered JSON-like tree for OpenAPI documents and its two deterministic writers, laid out
// as upstream sebuf's documents are (go-yaml v4 block style with 4-space indentation; compact
// JSON with sorted keys), so a team switching generators keeps its committed documents.
// Key order is insertion order, so output never depends on hashing.
import Basics
import Diagnostics

/// A JSON value whose objects keep their key order.
indirect enum OpenAPIValue: Equatable {
  case string(String)
  case int(Int)
  /// An unsigned integer beyond `Int` (uint64 bounds).
  case uint(UInt64)
  case double(Double)
  case bool(Bool)
  case null
  case array([OpenAPIValue])
  case object([(String, OpenAPIValue)])

  static func == (a: OpenAPIValue, b: OpenAPIValue) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.uint(let x), .uint(let y)): return x == y
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

  /// The members in a fixed key order (the order upstream's OpenAPI model writes an object's
  /// fields in); keys the order does not name follow in insertion order.
  func value(orderedBy order: [String]) -> OpenAPIValue {
    let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    let sorted = keys.enumerated().sorted { a, b in
      let ra = rank[a.element] ?? order.count
      let rb = rank[b.element] ?? order.count
      return ra != rb ? ra < rb : a.offset < b.offset
    }
    return .object(sorted.map { ($0.element, values[$0.element] ?? .null) })
  }
}
