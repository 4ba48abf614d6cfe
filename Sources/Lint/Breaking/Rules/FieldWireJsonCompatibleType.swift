/// Fields change type only in wire- and JSON-compatible ways.
struct FieldWireJsonCompatibleType: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
    purpose: "Fields change type only in ways both the binary and the JSON encodings tolerate.")

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if previous.type.wireJSONGroup != field.type.wireJSONGroup {
      reportChangedType(
        field, previous,
        extra: "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules.",
        &out)
      return
    }
    checkSameNamedType(field, previous, pair, &out)
  }
}
