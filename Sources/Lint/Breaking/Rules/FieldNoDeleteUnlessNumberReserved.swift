/// Fields are deleted only with their numbers reserved.
struct FieldNoDeleteUnlessNumberReserved: MessagePairRule {
  static let info = RuleInfo(
    id: "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
    purpose: "Fields are deleted only when their numbers are reserved, so the number is never reused.")

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkFieldNoDelete(message, previous, rule: .numberReserved, &out)
  }
}
