/// Enum values are deleted only with their names reserved.
struct EnumValueNoDeleteUnlessNameReserved: EnumPairRule {
  static let info = RuleInfo(
    id: "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
    categories: ["CSR", "WIRE_JSON"],
    purpose: "Enum values are deleted only when their names are reserved, so JSON stays readable.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          enum Color {
            COLOR_UNSPECIFIED = 0;
            COLOR_RED = 1;
            COLOR_GREEN = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓enum Color {
            COLOR_UNSPECIFIED = 0;
            COLOR_RED = 1;
            reserved 2;
          }

          """,
        [
          #"Previously present enum value "2" on enum "Color" was deleted without reserving the name "COLOR_GREEN"."#
        ]),
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          enum Color {
            COLOR_UNSPECIFIED = 0;
            COLOR_RED = 1;
            COLOR_GREEN = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          enum Color {
            COLOR_UNSPECIFIED = 0;
            COLOR_RED = 1;
            reserved "COLOR_GREEN";
          }

          """),
    ])

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkEnumValueNoDelete(e, previous, rule: .nameReserved, &out)
  }
}
