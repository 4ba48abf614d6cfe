/// Reserved ranges and names are not deleted from enums.
struct ReservedEnumNoDelete: EnumPairRule {
  static let info = RuleInfo(
    id: "RESERVED_ENUM_NO_DELETE", purpose: "Reserved ranges and names stay reserved in enums, so they are never reused.")

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
