/// Fields keep their default value.
struct FieldSameDefault: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_DEFAULT",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "Fields keep their default value, which readers see when the field is unset.",
    examples: [
      .change(
        from: """
          syntax = "proto2";

          package acme.v1;

          message Record {
            optional int32 count = 1 [default = 5];
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          message Record {
            optional int32 count = 1 [default = ↓6];
          }

          """,
        [
          #"Field "1" with name "count" on message "Record" changed default value from 5 to 6."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    guard let before = FieldDefault(previous, in: pair.previous), let after = FieldDefault(field, in: pair.current)
    else { return }
    if before.isZero && after.isZero { return }
    guard !before.equals(after) else { return }
    out.add(
      "\(field.description) changed default value from \(before.printable) to \(after.printable).",
      at: field.location(7) ?? field.location, against: previous.location(7) ?? previous.location,
      file: field.file)
  }
}
