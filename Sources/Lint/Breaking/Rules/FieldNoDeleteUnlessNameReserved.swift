/// Fields are deleted only with their names reserved.
struct FieldNoDeleteUnlessNameReserved: MessagePairRule {
  static let info = RuleInfo(
    id: "FIELD_NO_DELETE_UNLESS_NAME_RESERVED",
    purpose: "Fields are deleted only when their names are reserved, so the JSON key is never reused.")

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkFieldNoDelete(message, previous, rule: .nameReserved, &out)
  }
}
