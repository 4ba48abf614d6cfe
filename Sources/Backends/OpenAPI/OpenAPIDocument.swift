// Builds one OpenAPI document for a set of services with upstream sebuf's document structure
// (paths per method, the three error schemas, a component per reachable message, enums and
// encodings inline) and sebuf's JSON mapping. Where upstream's document is wrong about the
// wire, sebuf writes the truth; the README's "Coming from upstream sebuf" lists each case.

import Proto

/// How component schemas are named: by message name (a per-service document; package-qualified
/// only on a clash), or always package-qualified (the bundle).
enum SchemaNaming { case local, qualified }

/// Key orders of the objects upstream's OpenAPI model writes (field order of its structs).
enum OpenAPIKeyOrder {
  static let schema = [
    "$ref", "exclusiveMaximum", "exclusiveMinimum", "type", "allOf", "oneOf", "anyOf", "discriminator", "examples",
    "items", "not", "properties", "title", "multipleOf", "maximum", "minimum", "maxLength", "minLength", "pattern",
    "format", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "required", "enum",
    "additionalProperties", "description", "const", "example", "deprecated",
  ]
  static let parameter = [
    "name", "in", "description", "required", "deprecated", "allowEmptyValue", "style", "explode", "schema",
  ]
  static let pathItem = ["get", "put", "post", "delete", "options", "head", "patch"]
}

/// One document under construction: paths and components for a set of services.
struct OpenAPIDocument {
  let schema: ProtoSchema
  let services: [HTTPService]
  let naming: SchemaNaming
  private var names: [String: String] = [:]
  private var components = OrderedObject()
  private let messages: [MessageEntry]

  /// sebuf's own error messages map onto the built-in components.
  static let builtInTypes = [
    "sebuf.http.Error": "Error", "sebuf.http.FieldViolation": "FieldViolation",
    "sebuf.http.ValidationError": "ValidationError",
  ]

  init(schema: ProtoSchema, services: [HTTPService], naming: SchemaNaming) {
    self.schema = schema
    self.services = services
    self.naming = naming
    messages = ComponentOrder.messages(
      schema: schema, roots: services.flatMap { s in s.methods.flatMap { [$0.inputType, $0.outputType] } })
    assignNames()
  }

  /// Whether any method streams (the document then needs OpenAPI 3.2 for `itemSchema`).
  var hasStream: Bool { services.contains { $0.methods.contains(where: \.stream) } }

  private mutating func assignNames() {
    let entries = messages.filter { Self.builtInTypes[$0.fullName] == nil }
    func qualified(_ full: String) -> String { full.replacingOccurrences(of: ".", with: "_") }
    var counts: [String: Int] = [:]
    for e in entries { counts[e.descriptor.name, default: 0] += 1 }
    for e in entries {
      let local = e.descriptor.name
      let clash = counts[local, default: 0] > 1 || Self.builtInTypes.values.contains(local)
      names[e.fullName] = naming == .qualified || clash ? qualified(e.fullName) : local
    }
    for (full, name) in Self.builtInTypes { names[full] = name }
  }

  private func name(_ fullName: String) -> String {
    names[fullName] ?? fullName.replacingOccurrences(of: ".", with: "_")
  }

  /// A leading comment as upstream reads it: the comment text with its ends trimmed.
  private func comment(file: String, path: [Int32]) -> OpenAPIValue? {
    guard let c = schema.index.leadingComments(file: file, path: path) else { return nil }
    let t = c.trimmingCharacters(in: .whitespacesAndNewlines)
    return t.isEmpty ? nil : .string(t)
  }

  // MARK: - Paths

  /// Path items in method order; methods sharing a path share its item.
  func paths() -> OpenAPIValue {
    var items: [String: OrderedObject] = [:]
    var order: [String] = []
    for s in services {
      for r in s.methods {
        let path = Self.path(r, service: s)
        if items[path] == nil { order.append(path) }
        items[path, default: OrderedObject()][r.verb.rawValue.lowercased()] = operation(r, service: s)
      }
    }
    return .object(order.map { ($0, items[$0]!.value(orderedBy: OpenAPIKeyOrder.pathItem)) })
  }

  /// Upstream's path: the annotated path, `/<Service>/<Method>` without annotations, and (where
  /// upstream would put every method of a base-path-only service on one path) `<base>/<method>`.
  static func path(_ r: HTTPRoute, service s: HTTPService) -> String {
    if r.hasConfig { return r.fullPath }
    if (s.basePath ?? "").isEmpty { return "/\(s.name)/\(r.name)" }
    return Naming.routePath(r, service: s)
  }

  private func operation(_ r: HTTPRoute, service s: HTTPService) -> OpenAPIValue {
    // Upstream's merge: one list alone keeps its declaration order; both are merged by name
    // (method wins) and sorted.
    let headers = s.headers.isEmpty ? r.methodHeaders : r.methodHeaders.isEmpty ? s.headers : r.headers
    var params: [OpenAPIValue] = headers.filter { !$0.name.isEmpty }.map(header)
    let input = schema.message(r.inputType)
    for p in r.pathParams {
      let f = input.flatMap { m in
        m.descriptor.field.firstIndex { $0.name == p }.map { FieldRef(message: m, index: $0) }
      }
      var o = OrderedObject()
      o["name"] = .string(p)
      o["in"] = .string("path")
      o["description"] = f.flatMap { comment(file: $0.message.file, path: $0.sourcePath) }
      o["required"] = .bool(true)
      o["schema"] = f.map { urlSchema($0.proto) } ?? .object([("type", .string("string"))])
      params.append(o.value(orderedBy: OpenAPIKeyOrder.parameter))
    }
    for q in r.queryParams {
      let f = input.flatMap { m in
        m.descriptor.field.firstIndex { $0.number == q.fieldNumber }.map { FieldRef(message: m, index: $0) }
      }
      let repeated = f?.proto.label == .repeated
      var o = OrderedObject()
      o["name"] = .string(q.name)
      o["in"] = .string("query")
      o["description"] = f.flatMap { comment(file: $0.message.file, path: $0.sourcePath) }
      o["required"] = .bool(q.required)
      o["style"] = repeated ? .string("form") : nil
      o["explode"] = repeated ? .bool(true) : nil
      let schema = f.map { urlSchema($0.proto) } ?? .object([("type", .string("string"))])
      o["schema"] = schema
      // The server ignores an empty value of an optional parameter (`?limit=`), so the
      // document admits it where the schema alone would not (upstream leaves this out).
      if !q.required, !Self.admitsEmptyString(schema) { o["allowEmptyValue"] = .bool(true) }
      params.append(o.value(orderedBy: OpenAPIKeyOrder.parameter))
    }
    func json(_ s: OpenAPIValue) -> OpenAPIValue { .object([("application/json", .object([("schema", s)]))]) }
    let ok: OpenAPIValue
    if r.stream {
      let event = messageRef(r.outputType)
      let eventName = schema.message(r.outputType).map { name($0.fullName) } ?? ProtoSchema.trimDot(r.outputType)
      ok = .object([
        ("description", .string("Server-Sent Events stream")),
        (
          "content",
          .object([
            (
              "text/event-stream",
              .object([
                // With itemSchema beside it, `schema` describes the whole stream read as an
                // array of events (OpenAPI 3.2); upstream's `type: string` would say otherwise.
                (
                  "schema",
                  .object([
                    ("type", .string("array")),
                    (
                      "description",
                      .string("SSE stream. Each event contains a JSON-encoded \(eventName) in the data field.")
                    ),
                  ])
                ),
                // OpenAPI 3.2: each event's `data` is one of these (tools validate events with it).
                ("itemSchema", sseItemSchema(event)),
              ])
            )
          ])
        ),
        ("x-sse-event-schema", event),
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
      ("description", comment(file: s.file, path: r.path)),
      ("operationId", .string(opID)),
      ("parameters", params.isEmpty ? nil : .array(params)),
      (
        "requestBody",
        // Not `required`: the server takes an empty body as the empty message (upstream says
        // required, which its own server does not enforce either).
        r.verb.hasBody ? .obj([("content", json(messageRef(r.inputType)))]) : nil
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

  /// One server-sent event: its `data` field carries the JSON of the event message.
  private func sseItemSchema(_ event: OpenAPIValue) -> OpenAPIValue {
    .object([
      ("type", .string("object")),
      (
        "properties",
        .object([
          ("event", .object([("type", .string("string"))])),
          ("id", .object([("type", .string("string"))])),
          ("retry", .object([("type", .string("integer")), ("minimum", .int(0))])),
          (
            "data",
            .object([
              ("type", .string("string")), ("contentMediaType", .string("application/json")),
              ("contentSchema", event),
            ])
          ),
        ])
      ),
      ("required", .array([.string("data")])),
    ])
  }

  private func header(_ h: HTTPHeader) -> OpenAPIValue {
    let type: String
    switch h.type.lowercased() {
    case "integer", "int", "int32", "int64": type = "integer"
    case "number", "float", "double": type = "number"
    case "boolean", "bool": type = "boolean"
    case "array": type = "array"
    default: type = "string"
    }
    var s = OrderedObject()
    s["type"] = .string(type)
    s["format"] = h.format.isEmpty ? nil : .string(h.format)
    s["example"] = h.example.isEmpty ? nil : .string(h.example)
    var o = OrderedObject()
    o["name"] = .string(h.name)
    o["in"] = .string("header")
    o["description"] = h.description.isEmpty ? nil : .string(h.description)
    o["required"] = .bool(h.required)
    o["deprecated"] = h.deprecated ? .bool(true) : nil
    o["schema"] = s.value(orderedBy: OpenAPIKeyOrder.schema)
    return o.value(orderedBy: OpenAPIKeyOrder.parameter)
  }

  /// A `$ref` to a message's component, or the inline schema of a well-known type.
  private func messageRef(_ typeName: String) -> OpenAPIValue {
    let full = ProtoSchema.trimDot(typeName)
    if ProtoSchema.wellKnownJSON.contains(full) { return wellKnown(full, nil) }
    return .ref(name(full))
  }

  /// A path or query parameter's schema: the value as it is written in a URL.
  private func urlSchema(_ f: FieldProto) -> OpenAPIValue {
    var s = OrderedObject()
    switch schema.valueShape(f) {
    case .scalar(let t):
      switch t {
      case .int32, .sint32, .sfixed32:
        s["type"] = .string("integer")
        s["format"] = .string("int32")
      case .uint32, .fixed32:
        s = uint32Schema()
      // In a URL a 64-bit integer is plain digits, not a JSON string; the bounds are the
      // values the server parses (upstream: any string).
      case .int64, .sint64, .sfixed64:
        s["type"] = .string("integer")
        s["format"] = .string("int64")
        s["minimum"] = .int(Int(Int64.min))
        s["maximum"] = .int(Int(Int64.max))
      case .uint64, .fixed64:
        s["type"] = .string("integer")
        s["format"] = .string("uint64")
        s["minimum"] = .int(0)
        s["maximum"] = .uint(UInt64.max)
      case .bool: s["type"] = .string("boolean")
      case .float:
        s["type"] = .string("number")
        s["format"] = .string("float")
      case .double:
        s["type"] = .string("number")
        s["format"] = .string("double")
      default: s["type"] = .string("string")
      }
    case .enumType(let e):
      // The server accepts the value names and any 32-bit number, so the document lists
      // exactly that (upstream: any string).
      var names = OrderedObject()
      names["type"] = .string("string")
      names["enum"] = .array(e.descriptor.value.map { .string($0.sebufEnumValue ?? $0.name) })
      var numbers = OrderedObject()
      numbers["type"] = .string("integer")
      numbers["format"] = .string("int32")
      numbers["minimum"] = .int(Int(Int32.min))
      numbers["maximum"] = .int(Int(Int32.max))
      s["anyOf"] = .array([
        names.value(orderedBy: OpenAPIKeyOrder.schema), numbers.value(orderedBy: OpenAPIKeyOrder.schema),
      ])
    case .message, .wellKnown:
      s["type"] = .string("string")
    }
    let item = s.value(orderedBy: OpenAPIKeyOrder.schema)
    if f.label == .repeated { return .object([("type", .string("array")), ("items", item)]) }
    return item
  }

  /// Whether a parameter schema (or its item schema) already accepts the empty string.
  private static func admitsEmptyString(_ schema: OpenAPIValue) -> Bool {
    guard case .object(var members) = schema else { return false }
    if let items = members.first(where: { $0.0 == "items" })?.1, case .object(let inner) = items { members = inner }
    return members.count == 1 && members[0].0 == "type" && members[0].1 == .string("string")
  }

  private func uint32Schema() -> OrderedObject {
    var s = OrderedObject()
    s["type"] = .string("integer")
    s["format"] = .string("int64")
    s["minimum"] = .int(0)
    s["maximum"] = .int(4_294_967_295)
    return s
  }

  // MARK: - Components

  /// The three error schemas, then every reachable message in upstream's discovery order
  /// (flattened-oneof variant schemas just before their message).
  mutating func componentsValue() -> OpenAPIValue {
    components = OrderedObject()
    components["Error"] = builtIn(
      "Error response returned by the server.", [("message", "Error message")], required: [])
    components["FieldViolation"] = builtIn(
      "One invalid field of a request.",
      [("field", "The field that failed validation"), ("description", "Why the field is invalid")],
      required: ["field", "description"])
    var violations = OrderedObject()
    violations["type"] = .string("array")
    violations["items"] = .ref("FieldViolation")
    violations["description"] = .string("The invalid fields")
    components["ValidationError"] = .object([
      ("type", .string("object")),
      ("properties", .object([("violations", violations.value(orderedBy: OpenAPIKeyOrder.schema))])),
      ("required", .array([.string("violations")])),
      ("description", .string("The request failed validation.")),
    ])
    for m in messages where Self.builtInTypes[m.fullName] == nil {
      let value = messageSchema(m)
      components[name(m.fullName)] = value
    }
    return .object([("schemas", components.value)])
  }

  private func builtIn(_ description: String, _ fields: [(String, String)], required: [String]) -> OpenAPIValue {
    .obj([
      ("type", .string("object")),
      (
        "properties",
        .object(fields.map { ($0.0, .object([("type", .string("string")), ("description", .string($0.1))])) })
      ),
      ("required", required.isEmpty ? nil : .array(required.map(OpenAPIValue.string))),
      ("description", .string(description)),
    ])
  }

  private mutating func messageSchema(_ m: MessageEntry) -> OpenAPIValue {
    var s = OrderedObject()
    let description = comment(file: m.file, path: m.path)
    let fields = schema.fields(of: m)
    if fields.count == 1, fields[0].proto.sebuf.unwrap, fields[0].proto.label == .repeated {
      let f = fields[0].proto
      if case .map(_, let v, let valueField) = schema.shape(f) {
        s["type"] = .string("object")
        if case .message(let vm) = v, let list = schema.mapValueUnwrap(vm) {
          s["additionalProperties"] = .object([("type", .string("array")), ("items", scalar(list, owner: vm))])
        } else {
          s["additionalProperties"] = scalar(valueField, owner: nil, annotations: f.sebuf)
        }
      } else {
        s["type"] = .string("array")
        s["items"] = scalar(f, owner: m)
      }
      s["description"] = description
      return s.value(orderedBy: OpenAPIKeyOrder.schema)
    }
    let flattened = fields.filter { $0.proto.sebuf.flatten == true && !schema.isMap($0.proto) }
    if !flattened.isEmpty {
      var allOf: [OpenAPIValue] = []
      let rest = fields.filter { $0.proto.sebuf.flatten != true || schema.isMap($0.proto) }
      if !rest.isEmpty { allOf.append(objectSchema(m, rest, describe: false)) }
      for f in flattened {
        guard case .single(.message(let child)) = schema.shape(f.proto) else { continue }
        let prefix = f.proto.sebuf.flattenPrefix ?? ""
        var props = OrderedObject()
        for c in schema.fields(of: child) { props[prefix + ProtoSchema.jsonName(c.proto)] = field(c) }
        let note =
          prefix.isEmpty
          ? "Flattened from \(f.proto.name)" : "Flattened from \(f.proto.name) with prefix \(JSONWriter.quote(prefix))"
        allOf.append(
          .object([("type", .string("object")), ("properties", props.value), ("description", .string(note))]))
      }
      s["allOf"] = .array(allOf)
      s["description"] = description
      return s.value(orderedBy: OpenAPIKeyOrder.schema)
    }
    let discriminated = m.descriptor.oneofDecl.enumerated().compactMap { i, decl -> (Int, OneofAnnotations)? in
      guard let c = decl.sebufOneofConfig, !c.discriminator.isEmpty else { return nil }
      return (i, c)
    }
    if !discriminated.isEmpty {
      let indexes = Set(discriminated.map { Int32($0.0) })
      let common = fields.filter { !($0.isRealOneofMember && indexes.contains($0.proto.oneofIndex)) }
      func variants(_ i: Int) -> [(FieldRef, String)] {
        fields.filter { $0.isRealOneofMember && $0.proto.oneofIndex == Int32(i) }.map {
          ($0, $0.proto.sebuf.oneofValue ?? $0.proto.name)
        }
      }
      if let (i, config) = discriminated.first(where: { $0.1.flatten }) {
        var refs: [OpenAPIValue] = []
        var mapping: [(String, OpenAPIValue)] = []
        for (variant, value) in variants(i) {
          let variantName = name(m.fullName) + "_" + value
          var props = OrderedObject()
          for c in common { props[ProtoSchema.jsonName(c.proto)] = field(c) }
          props[config.discriminator] = .object([("type", .string("string")), ("enum", .array([.string(value)]))])
          if case .single(.message(let child)) = schema.shape(variant.proto) {
            for c in schema.fields(of: child) { props[ProtoSchema.jsonName(c.proto)] = field(c) }
          }
          components[variantName] = .object([
            ("type", .string("object")), ("properties", props.value),
            ("required", .array([.string(config.discriminator)])),
          ])
          refs.append(.ref(variantName))
          mapping.append((value, .string("#/components/schemas/" + variantName)))
        }
        s["oneOf"] = .array(refs)
        s["discriminator"] = .object([
          ("propertyName", .string(config.discriminator)), ("mapping", .object(mapping)),
        ])
        s["description"] = description
        return s.value(orderedBy: OpenAPIKeyOrder.schema)
      }
      var object = objectMembers(objectSchema(m, common))
      var props = objectMembers(object["properties"] ?? .object([]))
      var oneOf: [OpenAPIValue] = []
      var mapping: [(String, OpenAPIValue)] = []
      var propertyName = ""
      for (i, config) in discriminated {
        propertyName = config.discriminator
        let vs = variants(i)
        props[config.discriminator] = .object([
          ("type", .string("string")), ("enum", .array(vs.map { .string($0.1) })),
        ])
        for (variant, value) in vs {
          let json = ProtoSchema.jsonName(variant.proto)
          var one = OrderedObject()
          one["type"] = .string("object")
          if case .single(.message(let child)) = schema.shape(variant.proto) {
            one["properties"] = .object([(json, .ref(name(child.fullName)))])
            mapping.append((value, .string("#/components/schemas/" + name(child.fullName))))
          } else {
            one["properties"] = .object([(json, scalar(variant.proto, owner: m))])
          }
          // Exactly one variant is set: without `required` every variant would match.
          one["required"] = .array([.string(json)])
          oneOf.append(one.value(orderedBy: OpenAPIKeyOrder.schema))
        }
      }
      object["properties"] = props.value
      object["oneOf"] = .array(oneOf)
      object["discriminator"] = .object([("propertyName", .string(propertyName)), ("mapping", .object(mapping))])
      return object.value(orderedBy: OpenAPIKeyOrder.schema)
    }
    return objectSchema(m, fields)
  }

  /// `type: object` with the given fields as properties, the protovalidate-required ones listed.
  private func objectSchema(_ m: MessageEntry, _ fields: [FieldRef], describe: Bool = true) -> OpenAPIValue {
    var s = OrderedObject()
    s["type"] = .string("object")
    var props = OrderedObject()
    var required: [OpenAPIValue] = []
    for f in fields {
      let json = ProtoSchema.jsonName(f.proto)
      props[json] = field(f)
      if BufValidateRules(f.proto).required { required.append(.string(json)) }
    }
    s["properties"] = props.isEmpty ? nil : props.value
    s["required"] = required.isEmpty ? nil : .array(required)
    if describe { s["description"] = comment(file: m.file, path: m.path) }
    return s.value(orderedBy: OpenAPIKeyOrder.schema)
  }

  private func objectMembers(_ v: OpenAPIValue) -> OrderedObject {
    var o = OrderedObject()
    if case .object(let members) = v { for (k, x) in members { o[k] = x } }
    return o
  }

  /// A field's property schema: lists and maps around the element schema, nullability.
  private func field(_ ref: FieldRef) -> OpenAPIValue {
    let f = ref.proto
    let a = f.sebuf
    switch schema.shape(f) {
    case .list:
      var s = OrderedObject()
      s["type"] = .string("array")
      s["items"] = scalar(f, owner: ref.message)
      BufValidateRules(f).applyCollection(to: &s)
      return s.value(orderedBy: OpenAPIKeyOrder.schema)
    case .map(_, let v, let valueField):
      var s = OrderedObject()
      s["type"] = .string("object")
      if case .message(let vm) = v, let list = schema.mapValueUnwrap(vm) {
        s["additionalProperties"] = .object([("type", .string("array")), ("items", scalar(list, owner: vm))])
      } else {
        var merged = valueField.sebuf
        merged.int64Encoding = a.int64Encoding
        merged.enumEncoding = a.enumEncoding
        s["additionalProperties"] = scalar(valueField, owner: nil, annotations: merged)
      }
      s["description"] = comment(file: ref.message.file, path: ref.sourcePath)
      BufValidateRules(f).applyCollection(to: &s)
      return s.value(orderedBy: OpenAPIKeyOrder.schema)
    case .single(let v):
      let s = scalar(f, owner: ref.message, comment: comment(file: ref.message.file, path: ref.sourcePath))
      if a.nullable == true {
        var o = objectMembers(s)
        if case .string(let t)? = o["type"] {
          o["type"] = .array([.string(t), .string("null")])
          return o.value(orderedBy: OpenAPIKeyOrder.schema)
        }
        return .object([("oneOf", .array([s, .object([("type", .string("null"))])]))])
      }
      if a.emptyBehavior == .null, case .message = v {
        return .object([("oneOf", .array([s, .object([("type", .string("null"))])]))])
      }
      return s
    }
  }

  /// The schema of one value of a field (the element of a list): type, encoding, the field
  /// comment, protovalidate keywords and examples.
  private func scalar(
    _ f: FieldProto, owner: MessageEntry?, annotations: FieldAnnotations? = nil, comment: OpenAPIValue? = nil
  ) -> OpenAPIValue {
    let a = annotations ?? f.sebuf
    let fieldComment: OpenAPIValue? =
      comment
      ?? owner.flatMap { m in
        m.descriptor.field.firstIndex { $0.number == f.number && $0.name == f.name }.flatMap {
          self.comment(file: m.file, path: m.path + [2, Int32($0)])
        }
      }
    var s = OrderedObject()
    switch schema.valueShape(f) {
    case .enumType(let e):
      if a.enumEncoding == .number {
        s["type"] = .string("integer")
        s["enum"] = .array(e.descriptor.value.map { .int(Int($0.number)) })
      } else {
        s["type"] = .string("string")
        s["enum"] = .array(e.descriptor.value.map { .string($0.sebufEnumValue ?? $0.name) })
      }
      s["description"] = self.comment(file: e.file, path: e.path)
      return s.value(orderedBy: OpenAPIKeyOrder.schema)
    case .message(let m):
      return .ref(name(m.fullName))
    case .wellKnown(let n):
      guard n == "google.protobuf.Timestamp" else { return wellKnown(n, a) }
      switch a.timestampFormat {
      case .unixSeconds?:
        s = objectMembers(.object([("type", .string("integer")), ("format", .string("unix-timestamp"))]))
        s["description"] = .string("Unix timestamp in seconds")
      case .unixMillis?:
        s = objectMembers(.object([("type", .string("integer")), ("format", .string("unix-timestamp-ms"))]))
        s["description"] = .string("Unix timestamp in milliseconds")
      case .date?: s = objectMembers(.object([("type", .string("string")), ("format", .string("date"))]))
      default: s = objectMembers(.object([("type", .string("string")), ("format", .string("date-time"))]))
      }
      if let fieldComment { s["description"] = fieldComment }
      return s.value(orderedBy: OpenAPIKeyOrder.schema)
    case .scalar(let t):
      switch t {
      case .bool: s["type"] = .string("boolean")
      case .int32, .sint32, .sfixed32:
        s["type"] = .string("integer")
        s["format"] = .string("int32")
      case .uint32, .fixed32: s = uint32Schema()
      case .int64, .sint64, .sfixed64, .uint64, .fixed64:
        // The values the server parses: digits within the 64-bit range, as a JSON string or
        // (NUMBER encoding) a JSON number. Upstream gives only the format.
        let unsigned = ProtoSchema.isUnsigned(t)
        s["format"] = .string(unsigned ? "uint64" : "int64")
        if a.int64Encoding == .number {
          s["type"] = .string("integer")
          s["minimum"] = unsigned ? .int(0) : .int(Int(Int64.min))
          s["maximum"] = unsigned ? .uint(UInt64.max) : .int(Int(Int64.max))
        } else {
          s["type"] = .string("string")
          s["pattern"] = .string(unsigned ? DecimalPattern.uint64 : DecimalPattern.int64)
        }
      case .float:
        s["type"] = .string("number")
        s["format"] = .string("float")
      case .double:
        s["type"] = .string("number")
        s["format"] = .string("double")
      case .bytes:
        s["type"] = .string("string")
        switch a.bytesEncoding {
        case .hex?:
          s["format"] = .string("hex")
          s["pattern"] = .string("^[0-9a-fA-F]*$")
        case .base64Raw?:
          s["format"] = .string("byte")
          s["description"] = .string("Base64 encoded without padding")
        case .base64URL?: s["format"] = .string("base64url")
        case .base64URLRaw?:
          s["format"] = .string("base64url")
          s["description"] = .string("URL-safe base64 encoded without padding")
        default: s["format"] = .string("byte")
        }
      default: s["type"] = .string("string")
      }
    }
    if let fieldComment { s["description"] = fieldComment }
    if ProtoSchema.is64Bit(f.type), a.int64Encoding == .number {
      let warning = "Warning: Values > 2^53 may lose precision in JavaScript"
      if case .string(let d)? = s["description"] {
        s["description"] = .string(d + ". " + warning)
      } else {
        s["description"] = .string(warning)
      }
    }
    BufValidateRules(f).apply(to: &s)
    if let first = a.examples.first {
      s["example"] = exampleValue(first, s)
      s["examples"] = .array(a.examples.map { exampleValue($0, s) })
    }
    return s.value(orderedBy: OpenAPIKeyOrder.schema)
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

  /// Well-known types in their JSON form (upstream refers to an object of their fields).
  private func wellKnown(_ n: String, _ a: FieldAnnotations?) -> OpenAPIValue {
    func typed(_ t: String, _ format: String? = nil) -> OpenAPIValue {
      .obj([("type", .string(t)), ("format", format.map(OpenAPIValue.string))])
    }
    switch n {
    case "google.protobuf.Timestamp": return typed("string", "date-time")
    case "google.protobuf.Duration":
      return .object([("type", .string("string")), ("pattern", .string("^-?[0-9]+(\\.[0-9]+)?s$"))])
    case "google.protobuf.FieldMask", "google.protobuf.StringValue": return typed("string")
    case "google.protobuf.BytesValue": return typed("string", "byte")
    case "google.protobuf.Int64Value": return typed("string", "int64")
    case "google.protobuf.UInt64Value": return typed("string", "uint64")
    case "google.protobuf.Int32Value": return typed("integer", "int32")
    case "google.protobuf.UInt32Value":
      return uint32Schema().value(orderedBy: OpenAPIKeyOrder.schema)
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

/// Regular expressions for the decimal strings of 64-bit integers, exactly their range.
enum DecimalPattern {
  static let int64 = "^(-(" + upTo("9223372036854775808") + ")|" + upTo("9223372036854775807") + ")$"
  static let uint64 = "^(" + upTo("18446744073709551615") + ")$"

  /// Alternatives matching the decimal numbers 0…`max` without leading zeros.
  static func upTo(_ max: String) -> String {
    let d = Array(max.utf8).map { Int($0) - 48 }
    var alternatives = ["0"]
    if d.count > 1 { alternatives.append("[1-9][0-9]{0,\(d.count - 2)}") }
    for i in d.indices {
      let low = i == 0 ? 1 : 0
      guard d[i] - 1 >= low else { continue }
      let digit = d[i] - 1 == low ? "\(low)" : "[\(low)-\(d[i] - 1)]"
      let rest = d.count - i - 1
      alternatives.append(String(max.prefix(i)) + digit + (rest > 0 ? "[0-9]{\(rest)}" : ""))
    }
    alternatives.append(max)
    return alternatives.joined(separator: "|")
  }
}

/// The messages that get a component, in upstream's order: for each method its input then its
/// output; a message is followed by its nested messages, then the messages its fields refer to,
/// depth first. Map entries and well-known types get none (their JSON is not an object of
/// their fields). Walked with an explicit stack.
enum ComponentOrder {
  static func messages(schema: ProtoSchema, roots: [String]) -> [MessageEntry] {
    enum Task {
      case collect(String)
      case emit(MessageEntry)
    }
    var out: [MessageEntry] = []
    var emitted: Set<String> = []
    var collected: Set<String> = []
    var stack: [Task] = roots.reversed().map { .collect($0) }
    func nestedPreorder(_ m: MessageEntry) -> [MessageEntry] {
      var result: [MessageEntry] = []
      var pending = [m]
      while let next = pending.popLast() {
        result.append(next)
        let children = next.descriptor.nestedType.compactMap { schema.message(next.fullName + "." + $0.name) }
        pending.append(contentsOf: children.reversed())
      }
      return result
    }
    while let task = stack.popLast() {
      switch task {
      case .emit(let m):
        if emitted.insert(m.fullName).inserted, !m.descriptor.options.mapEntry { out.append(m) }
      case .collect(let typeName):
        let full = ProtoSchema.trimDot(typeName)
        guard !ProtoSchema.wellKnownJSON.contains(full), let m = schema.message(full),
          collected.insert(full).inserted
        else { continue }
        var next: [Task] = nestedPreorder(m).map { .emit($0) }
        for f in m.descriptor.field where f.type == .message || f.type == .group { next.append(.collect(f.typeName)) }
        for n in m.descriptor.nestedType { next.append(.collect(m.fullName + "." + n.name)) }
        stack.append(contentsOf: next.reversed())
      }
    }
    return out
  }
}
