// Per-route facts both TS service generators need: TS method name, full path, the request
// fields bound to path and query parameters with their TS property names and kinds, and the
// typed header properties.

import Proto

/// How a URL string converts to and from a field's TS value.
enum URLValueKind: Equatable {
  case string, int64String, number, integer, bool
  case enumString([String])
  case enumNumber
}

/// A request field bound to a path or query parameter.
struct URLBinding {
  var param: String  // URL name (path variable or query name)
  var property: String  // TS property (JSON name)
  var kind: URLValueKind
  var repeated: Bool
  var required: Bool
  var protoName: String
  /// proto3 `optional`: absent stays absent.
  var optional: Bool
  /// Enum value names, accepted in URLs besides the JSON strings.
  var enumNames: [String] = []
}

/// A header as a typed option property (`X-API-Key` → `apiKey`).
struct HeaderProp {
  var header: HTTPHeader
  var property: String

  static func property(for name: String) -> String {
    var n = name
    if n.lowercased().hasPrefix("x-") { n = String(n.dropFirst(2)) }
    let parts = n.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    guard let first = parts.first else { return "header" }
    let rest = parts.dropFirst().map { Naming.upperFirst($0.lowercased()) }
    let prop = first.lowercased() + rest.joined()
    return TSLayout.isIdentifier(prop) ? prop : "header" + Naming.upperFirst(prop)
  }
}

struct TSRoute {
  var route: HTTPRoute
  var methodName: String
  var path: String
  var pathBindings: [URLBinding]
  var queryBindings: [URLBinding]

  init(_ route: HTTPRoute, service: HTTPService, schema: ProtoSchema) {
    self.route = route
    methodName = Naming.lowerFirst(route.name)
    path = Naming.routePath(route, service: service)
    pathBindings = []
    queryBindings = []
    guard let input = schema.message(route.inputType) else { return }
    for p in route.pathParams {
      guard let i = input.descriptor.field.firstIndex(where: { $0.name == p }) else { continue }
      pathBindings.append(
        Self.binding(param: p, field: FieldRef(message: input, index: i), required: true, schema: schema))
    }
    for q in route.queryParams {
      guard let i = input.descriptor.field.firstIndex(where: { $0.number == q.fieldNumber }) else { continue }
      queryBindings.append(
        Self.binding(param: q.name, field: FieldRef(message: input, index: i), required: q.required, schema: schema))
    }
  }

  static func binding(param: String, field ref: FieldRef, required: Bool, schema: ProtoSchema) -> URLBinding {
    let f = ref.proto
    let a = f.sebuf
    var kind = URLValueKind.string
    var names: [String] = []
    switch schema.valueShape(f) {
    case .scalar(let t):
      switch t {
      case .bool: kind = .bool
      case .float, .double: kind = .number
      case .string, .bytes: kind = .string
      default:
        if ProtoSchema.is64Bit(t) {
          kind = a.int64Encoding == .number ? .integer : .int64String
        } else {
          kind = .integer
        }
      }
    case .enumType(let e):
      kind =
        a.enumEncoding == .number ? .enumNumber : .enumString(e.descriptor.value.map { $0.sebufEnumValue ?? $0.name })
      names = e.descriptor.value.map(\.name)
    case .message, .wellKnown: kind = .string
    }
    return URLBinding(
      param: param, property: ProtoSchema.jsonName(f), kind: kind,
      repeated: f.label == .repeated, required: required, protoName: f.name,
      optional: schema.semantics(ref).hasOptionalKeyword, enumNames: names)
  }

  /// The TS expression of a kind's zero value (what proto3 JSON omits).
  static func zero(_ kind: URLValueKind) -> String {
    switch kind {
    case .string: return "\"\""
    case .int64String: return "\"0\""
    case .number, .integer, .enumNumber: return "0"
    case .bool: return "false"
    case .enumString(let values): return TSLayout.stringLiteral(values.first ?? "")
    }
  }
}

extension HTTPService {
  /// Service headers as typed properties, in declaration order, de-duplicated by property.
  var headerProps: [HeaderProp] { Self.props(headers) }

  static func props(_ headers: [HTTPHeader]) -> [HeaderProp] {
    var seen: Set<String> = []
    var out: [HeaderProp] = []
    for h in headers where !h.name.isEmpty {
      let p = HeaderProp.property(for: h.name)
      if seen.insert(p).inserted { out.append(HeaderProp(header: h, property: p)) }
    }
    return out
  }
}
