// Builds one OpenAPI 3.1 document for a set of services: paths and operations from the HTTP
// model, and a component schema for every message and enum they reach, written with sebuf's
// JSON mapping (reference §2.5).

import Foundation
import Proto

/// How component schemas are named: by their name within the package (a per-service document;
/// package-qualified only on a clash), or always package-qualified (the bundle).
enum SchemaNaming { case local, qualified }

/// One document under construction: paths, tags and components for a set of services.
struct OpenAPIDocument {
  let schema: ProtoSchema
  let services: [HTTPService]
  let naming: SchemaNaming
  private var names: [String: String] = [:]
  private var components = OrderedObject()
  private var extraComponents: [(String, OpenAPIValue)] = []
  private let reachable: Reachability

  static let builtIns = ["Error", "FieldViolation", "ValidationError"]
  /// sebuf's own error messages map onto the built-in components.
  static let builtInTypes = [
    "sebuf.http.Error": "Error", "sebuf.http.FieldViolation": "FieldViolation",
    "sebuf.http.ValidationError": "ValidationError",
  ]

  init(schema: ProtoSchema, services: [HTTPService], naming: SchemaNaming) {
    self.schema = schema
    self.services = services
    self.naming = naming
    reachable = Reachability(
      schema: schema, roots: services.flatMap { s in s.methods.flatMap { [$0.inputType, $0.outputType] } })
    assignNames()
  }

  private mutating func assignNames() {
    var entries: [(full: String, pkg: String)] = reachable.messages.map { ($0.fullName, $0.package) }
    entries += reachable.enums.map { ($0.fullName, $0.package) }
    entries = entries.filter { Self.builtInTypes[$0.full] == nil }
    func qualified(_ full: String) -> String { full.replacingOccurrences(of: ".", with: "_") }
    var counts: [String: Int] = [:]
    for e in entries { counts[Naming.relative(fullName: e.full, package: e.pkg), default: 0] += 1 }
    for e in entries {
      let local = Naming.relative(fullName: e.full, package: e.pkg)
      let clash = counts[local, default: 0] > 1 || Self.builtIns.contains(local)
      names[e.full] = naming == .qualified || clash ? qualified(e.full) : local
    }
    for (full, name) in Self.builtInTypes { names[full] = name }
  }

  private func name(_ fullName: String) -> String {
    names[fullName] ?? fullName.replacingOccurrences(of: ".", with: "_")
  }

  // MARK: - Document

  /// Path items in method order; methods sharing a path share its item.
  mutating func paths() -> OpenAPIValue {
    var paths = OrderedObject()
    for s in services {
      for r in s.methods {
        let path = Naming.routePath(r, service: s)
        var item: OrderedObject
        if case .object(let members)? = paths[path] {
          item = OrderedObject()
          for (k, v) in members { item[k] = v }
        } else {
          item = OrderedObject()
        }
        item[r.verb.rawValue.lowercased()] = operation(r, service: s)
        paths[path] = item.value
      }
    }
    return paths.value
  }

  /// Tag objects, one per service, with the service comment.
  func tags() -> OpenAPIValue {
    .array(
      services.map { s in
        .obj([
          ("name", .string(s.name)),
          ("description", schema.comment(file: s.file, path: s.path).map(OpenAPIValue.string)),
        ])
      })
  }

  /// Built-in error schemas first, then every reachable message (discovery order) and enum.
  mutating func componentsValue() -> OpenAPIValue {
    var schemas = OrderedObject()
    schemas["Error"] = .obj([
      ("type", .string("object")), ("description", .string("Error response returned by the server.")),
      (
        "properties",
        .object([("message", .obj([("type", .string("string")), ("description", .string("Error message"))]))])
      ),
    ])
    schemas["FieldViolation"] = .obj([
      ("type", .string("object")), ("description", .string("One invalid field of a request.")),
      (
        "properties",
        .object([
          ("field", .obj([("type", .string("string")), ("description", .string("The field that failed validation"))])),
          ("description", .obj([("type", .string("string")), ("description", .string("Why the field is invalid"))])),
        ])
      ),
    ])
    schemas["ValidationError"] = .obj([
      ("type", .string("object")), ("description", .string("The request failed validation.")),
      ("properties", .object([("violations", .obj([("type", .string("array")), ("items", .ref("FieldViolation"))]))])),
    ])
    for m in reachable.messages where Self.builtInTypes[m.fullName] == nil {
      let value = messageSchema(m)
      schemas[name(m.fullName)] = value
      for (k, v) in extraComponents { schemas[k] = v }
      extraComponents = []
    }
    for e in reachable.enums { schemas[name(e.fullName)] = enumSchema(e) }
    return .object([("schemas", schemas.value)])
  }

  // MARK: - Operations

  private func operation(_ r: HTTPRoute, service s: HTTPService) -> OpenAPIValue {
    var params: [OpenAPIValue] = []
    for h in r.headers where !h.name.isEmpty { params.append(header(h)) }
    let input = schema.message(r.inputType)
    func field(_ name: String) -> FieldRef? {
      guard let input, let i = input.descriptor.field.firstIndex(where: { $0.name == name }) else { return nil }
      return FieldRef(message: input, index: i)
    }
    for p in r.pathParams {
      guard let f = field(p) else { continue }
      params.append(
        .obj([
          ("name", .string(p)), ("in", .string("path")), ("required", .bool(true)),
          ("description", schema.comment(file: f.message.file, path: f.sourcePath).map(OpenAPIValue.string)),
          ("schema", fieldSchema(f.proto, describe: nil)),
        ]))
    }
    for q in r.queryParams {
      guard let input, let i = input.descriptor.field.firstIndex(where: { $0.number == q.fieldNumber }) else {
        continue
      }
      let f = FieldRef(message: input, index: i)
      let repeated = f.proto.label == .repeated
      params.append(
        .obj([
          ("name", .string(q.name)), ("in", .string("query")), ("required", .bool(q.required)),
          ("description", schema.comment(file: f.message.file, path: f.sourcePath).map(OpenAPIValue.string)),
          ("schema", fieldSchema(f.proto, describe: nil)),
          ("style", repeated ? .string("form") : nil), ("explode", repeated ? .bool(true) : nil),
        ]))
    }
    let json: (OpenAPIValue) -> OpenAPIValue = { .object([("application/json", .object([("schema", $0)]))]) }
    let ok: OpenAPIValue
    if r.stream {
      let event = schema.message(r.outputType)?.descriptor.name ?? r.outputType
      ok = .object([
        ("description", .string("Server-Sent Events stream")),
        (
          "content",
          .object([
            (
              "text/event-stream",
              .object([
                (
                  "schema",
                  .object([
                    ("type", .string("string")),
                    (
                      "description",
                      .string("SSE stream. Each event contains a JSON-encoded \(event) in the data field.")
                    ),
                  ])
                )
              ])
            )
          ])
        ),
        ("x-sse-event-schema", messageRef(r.outputType)),
      ])
    } else {
      ok = .object([("description", .string("Successful response")), ("content", json(messageRef(r.outputType)))])
    }
    let opID =
      naming == .qualified && services.filter({ $0.methods.contains { $0.name == r.name } }).count > 1
      ? "\(s.name)_\(r.name)" : r.name
    return .obj([
      ("tags", .array([.string(s.name)])),
      ("summary", .string(r.name)),
      ("description", schema.comment(file: s.file, path: r.path).map(OpenAPIValue.string)),
      ("operationId", .string(opID)),
      ("parameters", params.isEmpty ? nil : .array(params)),
      (
        "requestBody",
        r.verb.hasBody ? .obj([("required", .bool(true)), ("content", json(messageRef(r.inputType)))]) : nil
      ),
      (
        "responses",
        .object([
          ("200", ok),
          ("400", .object([("description", .string("Validation error")), ("content", json(.ref("ValidationError")))])),
          ("default", .object([("description", .string("Error response")), ("content", json(.ref("Error")))])),
        ])
      ),
    ])
  }

  private func header(_ h: HTTPHeader) -> OpenAPIValue {
    var s: [(String, OpenAPIValue?)]
    switch h.type {
    case "integer", "number", "boolean": s = [("type", .string(h.type))]
    case "array": s = [("type", .string("array")), ("items", .object([("type", .string("string"))]))]
    default: s = [("type", .string("string"))]
    }
    s.append(("format", h.format.isEmpty ? nil : .string(h.format)))
    s.append(("example", h.example.isEmpty ? nil : .string(h.example)))
    return .obj([
      ("name", .string(h.name)), ("in", .string("header")),
      ("description", h.description.isEmpty ? nil : .string(h.description)),
      ("required", .bool(h.required)), ("deprecated", h.deprecated ? .bool(true) : nil),
      ("schema", .obj(s)),
    ])
  }

  /// A `$ref` to a message's component, or the inline schema of a well-known type.
  private func messageRef(_ typeName: String) -> OpenAPIValue {
    let full = ProtoSchema.trimDot(typeName)
    if ProtoSchema.wellKnownJSON.contains(full) { return wellKnown(full, nil) }
    return .ref(name(full))
  }

  // MARK: - Schemas

  private func enumSchema(_ e: EnumEntry) -> OpenAPIValue {
    .obj([
      ("type", .string("string")),
      ("description", schema.comment(file: e.file, path: e.path).map(OpenAPIValue.string)),
      ("enum", .array(e.descriptor.value.map { .string($0.sebufEnumValue ?? $0.name) })),
    ])
  }

  private mutating func messageSchema(_ m: MessageEntry) -> OpenAPIValue {
    let description = schema.comment(file: m.file, path: m.path).map(OpenAPIValue.string)
    if let root = schema.rootUnwrap(m) {
      var s = objectMembers(fieldSchema(root, describe: nil))
      s["description"] = description
      return s.value
    }
    var properties = OrderedObject()
    addProperties(of: m, prefix: "", into: &properties)
    var variants: [OpenAPIValue] = []
    for (i, decl) in m.descriptor.oneofDecl.enumerated() {
      guard let config = decl.sebufOneofConfig, !config.discriminator.isEmpty else { continue }
      let members = schema.fields(of: m).filter { $0.isRealOneofMember && $0.proto.oneofIndex == Int32(i) }
      let values = members.map { $0.proto.sebuf.oneofValue ?? $0.proto.name }
      properties[config.discriminator] = .obj([
        ("type", .string("string")), ("description", .string("Which variant of '\(decl.name)' is set.")),
        ("enum", .array(values.map(OpenAPIValue.string))),
      ])
      guard config.flatten else { continue }
      var oneOf: [OpenAPIValue] = []
      var mapping: [(String, OpenAPIValue)] = []
      for (ref, value) in zip(members, values) {
        let variantName = name(m.fullName) + "_" + value
        extraComponents.append(
          (
            variantName,
            .object([
              (
                "allOf",
                .array([
                  messageRef(ref.proto.typeName),
                  .object([
                    ("type", .string("object")),
                    (
                      "properties",
                      .object([
                        (config.discriminator, .object([("type", .string("string")), ("const", .string(value))]))
                      ])
                    ),
                    ("required", .array([.string(config.discriminator)])),
                  ]),
                ])
              )
            ])
          ))
        oneOf.append(.ref(variantName))
        mapping.append((value, .string("#/components/schemas/" + variantName)))
      }
      variants.append(
        .object([
          ("oneOf", .array(oneOf)),
          ("discriminator", .object([("propertyName", .string(config.discriminator)), ("mapping", .object(mapping))])),
        ]))
    }
    var s = OrderedObject()
    s["type"] = .string("object")
    s["description"] = description
    s["properties"] = properties.isEmpty ? nil : properties.value
    let required = schema.fields(of: m).filter { BufValidateRules($0.proto).required }.map {
      OpenAPIValue.string(ProtoSchema.jsonName($0.proto))
    }
    s["required"] = required.isEmpty ? nil : .array(required)
    if variants.count == 1, case .object(let members) = variants[0] {
      for (k, v) in members { s[k] = v }
    } else if !variants.isEmpty {
      s["allOf"] = .array(variants)
    }
    return s.value
  }

  /// Adds a message's fields as properties; flattened children are inlined with their prefix;
  /// variants of a flattened discriminated oneof live in the variant schemas instead.
  private func addProperties(of m: MessageEntry, prefix: String, into properties: inout OrderedObject) {
    for ref in schema.fields(of: m) {
      let f = ref.proto
      if ref.isRealOneofMember, let c = m.descriptor.oneofDecl[Int(f.oneofIndex)].sebufOneofConfig,
        !c.discriminator.isEmpty, c.flatten
      {
        continue
      }
      if f.sebuf.flatten == true, case .single(.message(let child)) = schema.shape(f) {
        addProperties(of: child, prefix: prefix + (f.sebuf.flattenPrefix ?? ""), into: &properties)
        continue
      }
      properties[prefix + ProtoSchema.jsonName(f)] = fieldSchema(
        f, describe: schema.comment(file: m.file, path: ref.sourcePath))
    }
  }

  private func objectMembers(_ v: OpenAPIValue) -> OrderedObject {
    var o = OrderedObject()
    if case .object(let members) = v { for (k, x) in members { o[k] = x } }
    return o
  }

  /// The schema of one field: its value shape, list/map wrapping, nullability, description
  /// (the field comment plus encoding notes) and examples.
  func fieldSchema(_ f: FieldProto, describe comment: String?) -> OpenAPIValue {
    let a = f.sebuf
    var notes: [String] = []
    if let comment { notes.append(comment) }
    var s: OpenAPIValue
    switch schema.shape(f) {
    case .single(let v): s = value(v, a, notes: &notes)
    case .list(let v): s = .object([("type", .string("array")), ("items", value(v, a, notes: &notes))])
    case .map(_, let v, let valueField):
      var inner: OpenAPIValue
      if case .message(let m) = v, schema.rootUnwrap(m) == nil, let list = schema.mapValueUnwrap(m) {
        var ignored: [String] = []
        inner = .object([
          ("type", .string("array")), ("items", value(schema.valueShape(list), list.sebuf, notes: &ignored)),
        ])
      } else {
        var merged = valueField.sebuf
        merged.int64Encoding = a.int64Encoding
        merged.enumEncoding = a.enumEncoding
        inner = value(v, merged, notes: &notes)
      }
      s = .object([("type", .string("object")), ("additionalProperties", inner)])
    }
    var o = objectMembers(s)
    if a.nullable == true {
      if case .string(let t)? = o["type"] {
        o["type"] = .array([.string(t), .string("null")])
      } else {
        o = objectMembers(.object([("oneOf", .array([s, .object([("type", .string("null"))])]))]))
      }
    } else if a.emptyBehavior == .null {
      o = objectMembers(.object([("oneOf", .array([s, .object([("type", .string("null"))])]))]))
    }
    BufValidateRules(f).apply(to: &o)
    if !notes.isEmpty { o["description"] = .string(notes.joined(separator: "\n\n")) }
    if let first = a.examples.first {
      o["example"] = exampleValue(first, o)
      o["examples"] = .array(a.examples.map { exampleValue($0, o) })
    }
    return o.value
  }

  /// Examples are written as strings in the proto; numbers and booleans become typed values.
  private func exampleValue(_ raw: String, _ schema: OrderedObject) -> OpenAPIValue {
    switch schema["type"] {
    case .string("integer")?: return Int(raw).map(OpenAPIValue.int) ?? .string(raw)
    case .string("number")?: return Double(raw).map(OpenAPIValue.double) ?? .string(raw)
    case .string("boolean")?: return raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : .string(raw)
    default: return .string(raw)
    }
  }

  private func value(_ v: ValueShape, _ a: FieldAnnotations, notes: inout [String]) -> OpenAPIValue {
    func typed(_ t: String, _ format: String? = nil) -> OpenAPIValue {
      .obj([("type", .string(t)), ("format", format.map(OpenAPIValue.string))])
    }
    switch v {
    case .scalar(let t):
      switch t {
      case .string: return typed("string")
      case .bool: return typed("boolean")
      case .float: return typed("number", "float")
      case .double: return typed("number", "double")
      case .int32, .sint32, .sfixed32: return typed("integer", "int32")
      case .uint32, .fixed32:
        return .obj([
          ("type", .string("integer")), ("format", .string("int64")), ("minimum", .int(0)),
          ("maximum", .int(4_294_967_295)),
        ])
      case .bytes:
        switch a.bytesEncoding {
        case .hex?:
          return .obj([("type", .string("string")), ("format", .string("hex")), ("pattern", .string("^[0-9a-fA-F]*$"))])
        case .base64URL?: return typed("string", "base64url")
        case .base64URLRaw?:
          notes.append("URL-safe base64 without padding.")
          return typed("string", "base64url")
        case .base64Raw?:
          notes.append("Standard base64 without padding.")
          return typed("string", "byte")
        default: return typed("string", "byte")
        }
      default:
        let format = ProtoSchema.isUnsigned(t) ? "uint64" : "int64"
        if a.int64Encoding == .number {
          notes.append("Warning: Values > 2^53 may lose precision in JavaScript")
          return typed("integer", format)
        }
        return typed("string", format)
      }
    case .enumType(let e):
      if a.enumEncoding == .number {
        return .object([
          ("type", .string("integer")), ("enum", .array(e.descriptor.value.map { .int(Int($0.number)) })),
        ])
      }
      return .ref(name(e.fullName))
    case .message(let m):
      return .ref(name(m.fullName))
    case .wellKnown(let n):
      return wellKnown(n, a)
    }
  }

  private func wellKnown(_ n: String, _ a: FieldAnnotations?) -> OpenAPIValue {
    func typed(_ t: String, _ format: String? = nil) -> OpenAPIValue {
      .obj([("type", .string(t)), ("format", format.map(OpenAPIValue.string))])
    }
    switch n {
    case "google.protobuf.Timestamp":
      switch a?.timestampFormat {
      case .date?: return typed("string", "date")
      case .unixSeconds?: return typed("integer", "unix-timestamp")
      case .unixMillis?: return typed("integer", "unix-timestamp-ms")
      default: return typed("string", "date-time")
      }
    case "google.protobuf.Duration":
      return .object([("type", .string("string")), ("pattern", .string("^-?[0-9]+(\\.[0-9]+)?s$"))])
    case "google.protobuf.FieldMask", "google.protobuf.StringValue": return typed("string")
    case "google.protobuf.BytesValue": return typed("string", "byte")
    case "google.protobuf.Int64Value": return typed("string", "int64")
    case "google.protobuf.UInt64Value": return typed("string", "uint64")
    case "google.protobuf.Int32Value": return typed("integer", "int32")
    case "google.protobuf.UInt32Value": return typed("integer", "int64")
    case "google.protobuf.DoubleValue": return typed("number", "double")
    case "google.protobuf.FloatValue": return typed("number", "float")
    case "google.protobuf.BoolValue": return typed("boolean")
    case "google.protobuf.Struct": return .object([("type", .string("object")), ("additionalProperties", .bool(true))])
    case "google.protobuf.ListValue": return .object([("type", .string("array")), ("items", .object([]))])
    case "google.protobuf.Any":
      return .object([
        ("type", .string("object")), ("properties", .object([("@type", .object([("type", .string("string"))]))])),
        ("additionalProperties", .bool(true)),
      ])
    case "google.protobuf.Empty": return .object([("type", .string("object"))])
    case "google.protobuf.NullValue": return .object([("type", .string("null"))])
    default: return .object([])
    }
  }
}
