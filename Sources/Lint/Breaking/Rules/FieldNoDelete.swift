/// Fields are not deleted from messages.
struct FieldNoDelete: MessagePairRule {
  static let info = RuleInfo(
    id: "FIELD_NO_DELETE",
    categories: ["CSR", "FILE", "PACKAGE"],
    purpose: "Fields are not deleted from messages, since code that reads them stops compiling.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓message Pet {
            string id = 1;
          }

          """,
        [
          #"Previously present field "2" with name "name" on message "Pet" was deleted."#
        ])
    ])

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkFieldNoDelete(message, previous, rule: .strict, &out)
  }
}

/// buf's `checkFieldNoDeleteWithRules`.
func checkFieldNoDelete(
  _ message: MessageNode, _ previous: MessageNode, rule: DeletionAllowance, _ out: inout BreakingFindings
) {
  let current = message.fieldsByNumber
  for field in previous.fields where current[field.number] == nil {
    var suffix = ""
    switch rule {
    case .strict: break
    case .numberReserved:
      let n = Int(field.number)
      if message.reservedRanges.contains(where: { $0.start <= n && n <= $0.end }) { continue }
      suffix = " without reserving the number \"\(field.number)\""
    case .nameReserved:
      if message.descriptor.reservedName.contains(field.name) { continue }
      suffix = " without reserving the name \(quoted(field.name))"
    }
    let d = field.description
    let lowered = d.prefix(1).lowercased() + d.dropFirst()
    out.add(
      "Previously present \(lowered) was deleted\(suffix).", at: message.location, against: previous.location,
      file: message.file)
  }
}
