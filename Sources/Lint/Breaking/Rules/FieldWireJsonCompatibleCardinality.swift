/// Fields change cardinality only in wire- and JSON-compatible ways.
struct FieldWireJsonCompatibleCardinality: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
    categories: ["CSR", "WIRE_JSON"],
    purpose: "Fields change cardinality only in ways both the binary and the JSON encodings tolerate.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            repeated int32 j = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            ↓int32 j = 1;
          }

          """,
        [
          #"Field "1" with name "j" on message "Sample" changed cardinality from "repeated" to "optional with implicit presence"."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if field.inMapEntry && previous.inMapEntry { return }
    let before = previous.cardinality(in: pair.previous)
    let after = field.cardinality(in: pair.current)
    guard before.wireJSONGroup != after.wireJSONGroup else { return }
    out.add(
      "\(field.description) changed cardinality from \(quoted(before.rawValue)) to \(quoted(after.rawValue)).",
      at: field.location, against: previous.location, file: field.file)
  }
}
