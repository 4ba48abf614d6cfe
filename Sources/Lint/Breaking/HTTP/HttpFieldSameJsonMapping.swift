import Proto

/// JSON-mapping annotations of the fields a route carries do not change.
///
/// Covers int64_encoding, enum_encoding, nullable, empty_behavior, timestamp_format,
/// bytes_encoding, unwrap, flatten, flatten_prefix and oneof_value, compared by their
/// effect (an unset encoding equals its default), on every message a route's request or
/// response reaches.
struct HttpFieldSameJsonMapping: BreakingRule {
  static let info = RuleInfo(
    id: "HTTP_FIELD_SAME_JSON_MAPPING",
    categories: ["HTTP"],
    purpose:
      "Fields of request and response messages keep their sebuf JSON mapping, so the JSON on the wire keeps its shape.",
    examples: [
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: HttpFieldSameJsonMapping.getPet, messages: HttpFieldSameJsonMapping.pet("int64 weight = 2;")),
        to: HTTPExampleFiles.api(
          service: HttpFieldSameJsonMapping.getPet,
          messages: HttpFieldSameJsonMapping.pet(
            "↓int64 weight = 2 [(sebuf.http.int64_encoding) = INT64_ENCODING_NUMBER];")),
        [
          #"Field "2" with name "weight" on message "Pet" changed int64_encoding from STRING to NUMBER: JSON clients of GET "/pets/{id}" will see "weight" encoded differently."#
        ]),
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: HttpFieldSameJsonMapping.getPet,
          messages: HttpFieldSameJsonMapping.pet("google.protobuf.Timestamp born = 2;", imports: true)),
        to: HTTPExampleFiles.api(
          service: HttpFieldSameJsonMapping.getPet,
          messages: HttpFieldSameJsonMapping.pet(
            "↓google.protobuf.Timestamp born = 2 [(sebuf.http.timestamp_format) = TIMESTAMP_FORMAT_UNIX_MILLIS];",
            imports: true)),
        [
          #"Field "2" with name "born" on message "Pet" changed timestamp_format from RFC3339 to UNIX_MILLIS: JSON clients of GET "/pets/{id}" will see "born" encoded differently."#
        ]),
    ])

  static let getPet = """
      rpc GetPet(GetPetRequest) returns (Pet) {
        option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET };
      }

    """

  static func pet(_ field: String, imports: Bool = false) -> String {
    """
    \(imports ? "import \"google/protobuf/timestamp.proto\";\n" : "")
    message GetPetRequest {
      string id = 1;
    }

    message Pet {
      string id = 1;
      \(field)
    }

    """
  }

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for (message, previous, route) in jsonMessagePairs(pair) {
      let fields = message.fieldsByNumber
      for p in previous.fields {
        guard let f = fields[p.number] else { continue }
        let before = JSONMapping(p)
        let after = JSONMapping(f)
        for (name, b, a) in before.differences(to: after) {
          out.add(
            "\(f.description) changed \(name) from \(b) to \(a): JSON clients of \(route.label) will see \(quoted(f.jsonName)) encoded differently.",
            at: f.location, against: p.location, file: f.file)
        }
      }
      // Oneof discriminators and flattening, by oneof name.
      let oneofs = Dictionary(message.oneofs.map { ($0.name, $0) }) { a, _ in a }
      for p in previous.oneofs {
        guard let o = oneofs[p.name] else { continue }
        let b = p.descriptor.sebufOneofConfig.flatMap { $0.discriminator.isEmpty ? nil : $0 }
        let a = o.descriptor.sebufOneofConfig.flatMap { $0.discriminator.isEmpty ? nil : $0 }
        guard b != a else { continue }
        let describe: (OneofAnnotations?) -> String = {
          guard let c = $0 else { return "none" }
          return "discriminator \(quoted(c.discriminator))\(c.flatten ? " (flattened)" : "")"
        }
        out.add(
          "Oneof \(quoted(o.name)) on message \(quoted(message.name)) changed oneof_config from \(describe(b)) to \(describe(a)): JSON clients of \(route.label) will see its variants encoded differently.",
          at: message.file.location(o.path) ?? message.location, against: previous.file.location(p.path),
          file: message.file)
      }
    }
  }
}

/// Messages a route's JSON carries that exist on both sides, each with the first route
/// (by service and method name) that carries it.
func jsonMessagePairs(_ pair: SchemaPair) -> [(MessageNode, MessageNode, RouteNode)] {
  var seen = Set<String>()
  var out: [(MessageNode, MessageNode, RouteNode)] = []
  for (route, _) in pair.matchedRoutes {
    for name in pair.current.jsonMessages(from: [route.route.inputType, route.route.outputType])
    where !seen.contains(name) {
      seen.insert(name)
      if let m = pair.current.messages[name], let p = pair.previous.messages[name] { out.append((m, p, route)) }
    }
  }
  return out
}

/// A field's JSON mapping with defaults applied, so "unset" equals the default it stands for.
struct JSONMapping {
  var values: [(String, String)] = []

  init(_ f: FieldNode) {
    let a = f.descriptor.sebuf
    if f.type.is64BitInteger {
      values.append(("int64_encoding", a.int64Encoding == .number ? "NUMBER" : "STRING"))
    }
    if f.type == .enum {
      values.append(("enum_encoding", a.enumEncoding == .number ? "NUMBER" : "STRING"))
    }
    values.append(("nullable", (a.nullable ?? false) ? "true" : "false"))
    if f.type == .message {
      let e: String
      switch a.emptyBehavior {
      case .null?: e = "NULL"
      case .omit?: e = "OMIT"
      default: e = "PRESERVE"
      }
      values.append(("empty_behavior", e))
    }
    if f.typeName == "google.protobuf.Timestamp" {
      let t: String
      switch a.timestampFormat {
      case .unixSeconds?: t = "UNIX_SECONDS"
      case .unixMillis?: t = "UNIX_MILLIS"
      case .date?: t = "DATE"
      default: t = "RFC3339"
      }
      values.append(("timestamp_format", t))
    }
    if f.type == .bytes {
      let b: String
      switch a.bytesEncoding {
      case .base64Raw?: b = "BASE64_RAW"
      case .base64URL?: b = "BASE64URL"
      case .base64URLRaw?: b = "BASE64URL_RAW"
      case .hex?: b = "HEX"
      default: b = "BASE64"
      }
      values.append(("bytes_encoding", b))
    }
    values.append(("unwrap", a.unwrap ? "true" : "false"))
    values.append(("flatten", (a.flatten ?? false) ? "true" : "false"))
    values.append(("flatten_prefix", quoted(a.flattenPrefix ?? "")))
    values.append(("oneof_value", a.oneofValue.map(quoted) ?? "none"))
  }

  /// (annotation, before, after) for every annotation whose effect differs.
  func differences(to other: JSONMapping) -> [(String, String, String)] {
    let theirs = Dictionary(other.values, uniquingKeysWith: { a, _ in a })
    return values.compactMap { name, mine in
      guard let t = theirs[name], t != mine else { return nil }
      return (name, mine, t)
    }
  }
}
