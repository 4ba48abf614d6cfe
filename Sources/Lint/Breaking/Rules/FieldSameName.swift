/// Fields keep their names.
struct FieldSameName: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_NAME",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"],
    purpose: "Fields keep their names, which JSON and generated code use.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string nickname = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string ↓nick_name = 1;
          }

          """,
        [
          #"Field "1" on message "Pet" changed name from "nickname" to "nick_name"."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.isExtension ? previous.fullName : previous.name
    let after = field.isExtension ? field.fullName : field.name
    guard before != after else { return }
    out.add(
      "\(field.description(withName: "")) changed name from \(quoted(before)) to \(quoted(after)).",
      at: field.location(1), against: previous.location(1), file: field.file)
  }
}
