/// Enum values are deleted only with their numbers reserved.
struct EnumValueNoDeleteUnlessNumberReserved: EnumPairRule {
  static let info = RuleInfo(
    id: "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
    categories: ["CSR", "WIRE_JSON", "WIRE"],
    purpose: "Enum values are deleted only when their numbers are reserved, so the numbers are never reused.",
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
            reserved "COLOR_GREEN";
          }

          """,
        [
          #"Previously present enum value "2" on enum "Color" was deleted without reserving the number "2"."#
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
            reserved 2;
          }

          """),
    ])

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkEnumValueNoDelete(e, previous, rule: .numberReserved, &out)
  }
}
