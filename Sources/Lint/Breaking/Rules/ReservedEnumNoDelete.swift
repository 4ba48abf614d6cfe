/// Reserved ranges and names are not deleted from enums.
struct ReservedEnumNoDelete: EnumPairRule {
  static let info = RuleInfo(
    id: "RESERVED_ENUM_NO_DELETE",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "Reserved ranges and names stay reserved in enums, so they are never reused.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          enum Region {
            REGION_UNSPECIFIED = 0;
            reserved 10 to 20, 30;
            reserved "REGION_MARS";
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓enum Region {
            REGION_UNSPECIFIED = 0;
            reserved 10 to 12, 15 to 20;
          }

          """,
        [
          #"Previously present reserved name "REGION_MARS" on enum "Region" was deleted."#,
          #"Previously present reserved range "[10,20]" on enum "Region" is missing values: [13,14] were removed."#,
          #"Previously present reserved range "[30]" on enum "Region" is missing values: [30] were removed."#,
        ])
    ])

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkRanges(
      kind: "reserved", elementKind: "enum", name: e.name, maxTag: enumRangeInclusiveMax,
      previous: previous.reservedRanges, current: e.reservedRanges, location: e.location,
      against: previous.location, file: e.file, out: &out)
    let names = Set(e.descriptor.reservedName)
    for name in Set(previous.descriptor.reservedName).sorted() where !names.contains(name) {
      out.add(
        "Previously present reserved name \(quoted(name)) on enum \(quoted(e.name)) was deleted.",
        at: e.location, against: previous.location, file: e.file)
    }
  }
}
