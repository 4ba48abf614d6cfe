/// Fields change type only in wire- and JSON-compatible ways.
struct FieldWireJsonCompatibleType: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
    categories: ["CSR", "WIRE_JSON"],
    purpose: "Fields change type only in ways both the binary and the JSON encodings tolerate.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            int32 e = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            ↓int64 e = 1;
          }

          """,
        [
          #"Field "1" with name "e" on message "Sample" changed type from "int32" to "int64". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if previous.type.wireJSONGroup != field.type.wireJSONGroup {
      reportChangedType(
        field, previous,
        extra:
          "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules.",
        &out)
      return
    }
    checkSameNamedType(field, previous, pair, &out)
  }
}
