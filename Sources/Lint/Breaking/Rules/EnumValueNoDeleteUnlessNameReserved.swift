/// Enum values are deleted only with their names reserved.
struct EnumValueNoDeleteUnlessNameReserved: EnumPairRule {
  static let info = RuleInfo(
    id: "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
    purpose: "Enum values are deleted only when their names are reserved, so JSON stays readable.")

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkEnumValueNoDelete(e, previous, rule: .nameReserved, &out)
  }
}
