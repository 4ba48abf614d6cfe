/// Enum values keep their names. With `allow_alias`, as buf: every name a number had must
/// still be among its names; adding an alias is allowed, removing or renaming one is not, and
/// the finding is reported at each of the number's current values.
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
        ]),
      // Removing an alias: the number lost a name.
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          enum PetType {
            option allow_alias = true;
            PET_TYPE_UNSPECIFIED = 0;
            PET_TYPE_CAT = 1;
            PET_TYPE_KITTY = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          enum PetType {
            option allow_alias = true;
            PET_TYPE_UNSPECIFIED = 0;
            PET_TYPE_CAT = ↓1;
            PET_TYPE_ZERO = 0;
          }

          """,
        [#"Enum value "1" on enum "PetType" changed name from "PET_TYPE_CAT", "PET_TYPE_KITTY" to "PET_TYPE_CAT"."#]),
      // Renaming an alias: reported at each of the number's values.
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          enum PetType {
            option allow_alias = true;
            PET_TYPE_UNSPECIFIED = 0;
            PET_TYPE_CAT = 1;
            PET_TYPE_KITTY = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          enum PetType {
            option allow_alias = true;
            PET_TYPE_UNSPECIFIED = 0;
            PET_TYPE_CAT = ↓1;
            PET_TYPE_PUSS = ↓1;
          }

          """,
        [
          #"Enum value "1" on enum "PetType" changed names from "PET_TYPE_CAT", "PET_TYPE_KITTY" to "PET_TYPE_CAT", "PET_TYPE_PUSS"."#,
          #"Enum value "1" on enum "PetType" changed names from "PET_TYPE_CAT", "PET_TYPE_KITTY" to "PET_TYPE_CAT", "PET_TYPE_PUSS"."#,
        ]),
      // Adding an alias keeps every previous name: allowed.
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          enum PetType {
            option allow_alias = true;
            PET_TYPE_UNSPECIFIED = 0;
            PET_TYPE_ZERO = 0;
            PET_TYPE_CAT = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          enum PetType {
            option allow_alias = true;
            PET_TYPE_UNSPECIFIED = 0;
            PET_TYPE_ZERO = 0;
            PET_TYPE_CAT = 1;
            PET_TYPE_KITTY = 1;
          }

          """),
    ])

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = e.valuesByNumber
    let before = previous.valuesByNumber
    for (number, previousNames) in before {
      guard let names = current[number] else { continue }
      // buf: every previous name must remain for this number (adding an alias is allowed).
      guard !previousNames.keys.allSatisfy({ names[$0] != nil }) else { continue }
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
