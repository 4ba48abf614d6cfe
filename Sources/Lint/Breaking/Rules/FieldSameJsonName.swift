import Proto

/// Fields keep their JSON name.
struct FieldSameJsonName: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_JSON_NAME",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"],
    purpose: "Fields keep their JSON name, the key clients read and write.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string color = 1 [json_name = "colour"];
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string color = 1 [↓json_name = "shade"];
          }

          """,
        [
          #"Field "1" with name "color" on message "Pet" changed option "json_name" from "colour" to "shade"."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if previous.isExtension { return }
    let before = previous.jsonName
    let after = field.jsonName
    guard before != after else { return }
    out.add(
      "\(field.description) changed option \"json_name\" from \(quoted(before)) to \(quoted(after)).",
      at: field.location(10) ?? field.location, against: previous.location(10) ?? previous.location,
      file: field.file)
  }
}

extension FieldNode {
  /// The JSON name: as recorded, else protoc's default (lowerCamelCase of the name).
  var jsonName: String {
    descriptor.hasJsonName ? descriptor.jsonName : DescriptorNames.defaultJSONName(name)
  }
}
