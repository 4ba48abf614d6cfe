/// Enum values keep their names.
struct EnumValueSameName: EnumPairRule {
  static let info = RuleInfo(
    id: "ENUM_VALUE_SAME_NAME",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"],
    purpose: "Enum values keep their names, which JSON carries on the wire.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          enum PetType {
            PET_TYPE_UNSPECIFIED = 0;
            PET_TYPE_CAT = 1;
            PET_TYPE_DOG = 2;
            PET_TYPE_FISH = 3;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          enum PetType {
            PET_TYPE_UNSPECIFIED = 0;
            PET_TYPE_CAT = 1;
            PET_TYPE_HOUND = ↓2;
            PET_TYPE_FISH = 3;
          }

          """,
        [
          #"Enum value "2" on enum "PetType" changed name from "PET_TYPE_DOG" to "PET_TYPE_HOUND"."#
        ])
    ])

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = e.valuesByNumber
    let before = previous.valuesByNumber
    for (number, previousNames) in before {
      guard let names = current[number] else { continue }
      // Every current name must have existed for this number (aliases may be dropped).
      guard !names.keys.allSatisfy({ previousNames[$0] != nil }) else { continue }
      let p = previousNames.keys.sorted()
      let c = names.keys.sorted()
      let s = p.count > 1 && c.count > 1 ? "s" : ""
      for (name, index) in names {
        let againstLocation = previousNames[name].flatMap { previous.file.location(previous.path + [2, Int32($0), 2]) }
        out.add(
          "Enum value \"\(number)\" on enum \(quoted(e.name)) changed name\(s) from \(joinQuoted(p)) to \(joinQuoted(c)).",
          at: e.file.location(e.path + [2, Int32(index), 2]), against: againstLocation, file: e.file)
        _ = name
      }
    }
  }
}
