/// Enum values are not deleted.
struct EnumValueNoDelete: EnumPairRule {
  static let info = RuleInfo(
    id: "ENUM_VALUE_NO_DELETE",
    categories: ["CSR", "FILE", "PACKAGE"],
    purpose: "Enum values are not deleted, since old data and old code still use them.",
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

          ↓enum PetType {
            PET_TYPE_UNSPECIFIED = 0;
            PET_TYPE_CAT = 1;
            PET_TYPE_DOG = 2;
          }

          """,
        [
          #"Previously present enum value "3" on enum "PetType" was deleted."#
        ])
    ])

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkEnumValueNoDelete(e, previous, rule: .strict, &out)
  }
}

/// How the enum value deletion rules relax buf's strict check.
enum DeletionAllowance { case strict, numberReserved, nameReserved }

/// buf's `checkEnumValueNoDeleteWithRules`.
func checkEnumValueNoDelete(
  _ e: EnumNode, _ previous: EnumNode, rule: DeletionAllowance, _ out: inout BreakingFindings
) {
  let current = e.valuesByNumber
  for (number, names) in previous.valuesByNumber.sorted(by: { $0.key < $1.key }) where current[number] == nil {
    var suffix = ""
    switch rule {
    case .strict: break
    case .numberReserved:
      if e.reservedRanges.contains(where: { $0.start <= Int(number) && Int(number) <= $0.end }) { continue }
      suffix = " without reserving the number \"\(number)\""
    case .nameReserved:
      let reserved = Set(e.descriptor.reservedName)
      if names.keys.allSatisfy(reserved.contains) { continue }
      suffix = " without reserving the name\(names.count > 1 ? "s" : "") \(joinQuoted(names.keys.sorted()))"
    }
    out.add(
      "Previously present enum value \"\(number)\" on enum \(quoted(e.name)) was deleted\(suffix).",
      at: e.location, against: previous.location, file: previous.file)
  }
}
