/// Fields are deleted only with their numbers reserved.
struct FieldNoDeleteUnlessNumberReserved: MessagePairRule {
  static let info = RuleInfo(
    id: "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
    categories: ["CSR", "WIRE_JSON", "WIRE"],
    purpose: "Fields are deleted only when their numbers are reserved, so the number is never reused.",
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
            reserved "name";
          }

          """,
        [
          #"Previously present field "2" with name "name" on message "Pet" was deleted without reserving the number "2"."#
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
            reserved 2;
          }

          """),
    ])

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkFieldNoDelete(message, previous, rule: .numberReserved, &out)
  }
}
