/// Fields are deleted only with their names reserved.
struct FieldNoDeleteUnlessNameReserved: MessagePairRule {
  static let info = RuleInfo(
    id: "FIELD_NO_DELETE_UNLESS_NAME_RESERVED",
    categories: ["CSR", "WIRE_JSON"],
    purpose: "Fields are deleted only when their names are reserved, so the JSON key is never reused.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓message Pet {
            string id = 1;
            reserved 2;
          }

          """,
        [
          #"Previously present field "2" with name "name" on message "Pet" was deleted without reserving the name "name"."#
        ]),
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string id = 1;
            reserved "name";
          }

          """),
    ])

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkFieldNoDelete(message, previous, rule: .nameReserved, &out)
  }
}
