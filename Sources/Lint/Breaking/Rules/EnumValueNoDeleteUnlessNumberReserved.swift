/// Enum values are deleted only with their numbers reserved.
struct EnumValueNoDeleteUnlessNumberReserved: EnumPairRule {
  static let info = RuleInfo(
    id: "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
    purpose: "Enum values are deleted only when their numbers are reserved, so the numbers are never reused.")

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkEnumValueNoDelete(e, previous, rule: .numberReserved, &out)
  }
}
