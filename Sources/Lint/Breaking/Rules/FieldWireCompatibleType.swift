/// Fields change type only in wire-compatible ways.
struct FieldWireCompatibleType: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_WIRE_COMPATIBLE_TYPE",
    categories: ["WIRE"],
    purpose: "Fields change type only in ways the binary encoding tolerates.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            int32 m = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            ↓sint32 m = 1;
          }

          """,
        [
          #"Field "1" with name "m" on message "Sample" changed type from "int32" to "sint32". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules."#
        ]),
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            int32 m = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            int64 m = 1;
          }

          """),
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if previous.type.wireGroup != field.type.wireGroup {
      var extra =
        "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules."
      if previous.type == .string && field.type == .bytes { return }
      if previous.type == .bytes && field.type == .string {
        extra +=
          " Note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so these fields may be incompatible."
      }
      reportChangedType(field, previous, extra: extra, &out)
      return
    }
    checkSameNamedType(field, previous, pair, &out)
  }
}

/// For enum fields a renamed-but-superset enum is fine; for messages the name must match.
func checkSameNamedType(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
  guard field.isNamedType, field.typeName != previous.typeName else { return }
  if field.type == .enum,
    let before = pair.previous.enums[previous.typeName], let after = pair.current.enums[field.typeName],
    before.name == after.name
  {
    let superset = after.valueNumbersByName
    if before.valueNumbersByName.allSatisfy({ superset[$0.key] == $0.value }) { return }
  }
  reportChangedTypeName(field, previous, &out)
}
