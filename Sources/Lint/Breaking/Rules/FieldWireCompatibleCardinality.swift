/// Fields change cardinality only in wire-compatible ways.
struct FieldWireCompatibleCardinality: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_WIRE_COMPATIBLE_CARDINALITY",
    categories: ["WIRE"],
    purpose: "Fields change cardinality only in ways the binary encoding tolerates.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            int32 j = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            ↓repeated int32 j = 1;
          }

          """,
        [
          #"Field "1" with name "j" on message "Sample" changed cardinality from "optional with implicit presence" to "repeated"."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if field.inMapEntry && previous.inMapEntry { return }
    let before = previous.cardinality(in: pair.previous)
    let after = field.cardinality(in: pair.current)
    guard before.wireGroup != after.wireGroup else { return }
    out.add(
      "\(field.description) changed cardinality from \(quoted(before.rawValue)) to \(quoted(after.rawValue)).",
      at: field.location, against: previous.location, file: field.file)
  }
}
