import Proto

/// Enum values keep their JSON strings.
struct HttpEnumValueSameJsonName: BreakingRule {
  static let info = RuleInfo(
    id: "HTTP_ENUM_VALUE_SAME_JSON_NAME",
    categories: ["HTTP"],
    purpose: "Enum values used by request and response messages keep their JSON string (`enum_value`).",
    examples: [
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: HttpFieldSameJsonMapping.getPet, messages: kind(#"KIND_CAT = 1 [(sebuf.http.enum_value) = "cat"];"#)),
        to: HTTPExampleFiles.api(
          service: HttpFieldSameJsonMapping.getPet,
          messages: kind(#"↓KIND_CAT = 1 [(sebuf.http.enum_value) = "feline"];"#)),
        [
          #"Enum value "1" on enum "Kind" changed its JSON string from "cat" to "feline": JSON clients of GET "/pets/{id}" will not recognise it."#
        ])
    ])

  static func kind(_ value: String) -> String {
    """
    message GetPetRequest {
      string id = 1;
    }

    message Pet {
      string id = 1;
      Kind kind = 2;
    }

    enum Kind {
      KIND_UNSPECIFIED = 0;
      \(value)
    }

    """
  }

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    var seen = Set<String>()
    for (message, _, route) in jsonMessagePairs(pair) {
      for f in message.fields where f.type == .enum && !seen.contains(f.typeName) {
        seen.insert(f.typeName)
        guard let e = pair.current.enums[f.typeName], let p = pair.previous.enums[f.typeName] else { continue }
        var previousByNumber: [Int32: String] = [:]
        for v in p.descriptor.value where previousByNumber[v.number] == nil {
          previousByNumber[v.number] = v.sebufEnumValue ?? v.name
        }
        for (i, v) in e.descriptor.value.enumerated() {
          guard let before = previousByNumber[v.number] else { continue }
          let after = v.sebufEnumValue ?? v.name
          guard before != after, e.descriptor.value.firstIndex(where: { $0.number == v.number }) == i else { continue }
          out.add(
            "Enum value \"\(v.number)\" on enum \(quoted(e.name)) changed its JSON string from \(quoted(before)) to \(quoted(after)): JSON clients of \(route.label) will not recognise it.",
            at: e.file.location(e.path + [2, Int32(i)]) ?? e.location, against: p.location, file: e.file)
        }
      }
    }
  }
}
