/// Fields keep their type.
struct FieldSameType: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_TYPE",
    categories: ["CSR", "FILE", "PACKAGE"],
    purpose: "Fields keep their type, including the named message or enum type.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            int32 age = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            ↓string age = 1;
          }

          """,
        [
          #"Field "1" with name "age" on message "Pet" changed type from "int32" to "string"."#
        ]),
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Ball {}

          message Bell {}

          message Pet {
            Ball toy = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Ball {}

          message Bell {}

          message Pet {
            ↓Bell toy = 1;
          }

          """,
        [
          #"Field "1" with name "toy" on message "Pet" changed type from "acme.v1.Ball" to "acme.v1.Bell"."#
        ]),
      .change(
        from: """
          edition = "2023";

          package acme.v1;

          message Pet {
            Toy toy = 1;
          }

          message Toy {}

          """,
        to: """
          edition = "2023";

          package acme.v1;

          message Pet {
            ↓Toy toy = 1 [features.message_encoding = DELIMITED];
          }

          message Toy {}

          """,
        [
          #"Field "1" with name "toy" on message "Pet" changed type from "message" to "message (delimited encoding)"."#
        ]),
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if field.type != previous.type {
      reportChangedType(field, previous, &out)
      return
    }
    if field.isNamedType && field.typeName != previous.typeName {
      reportChangedTypeName(field, previous, &out)
    }
  }
}

/// `… changed type from "int32" to "string".` at the type (or type name) of the field.
func reportChangedType(_ field: FieldNode, _ previous: FieldNode, extra: String = "", _ out: inout BreakingFindings) {
  let at = field.isNamedType ? field.location(6) : field.location(5)
  let against = previous.isNamedType ? previous.location(6) : previous.location(5)
  out.add(
    "\(field.description) changed type from \(quoted(previous.kindName)) to \(quoted(field.kindName)).\(extra.isEmpty ? "" : " " + extra)",
    at: at, against: against, file: field.file)
}

/// `… changed type from "pkg.A" to "pkg.B".` at the type name.
func reportChangedTypeName(_ field: FieldNode, _ previous: FieldNode, _ out: inout BreakingFindings) {
  out.add(
    "\(field.description) changed type from \(quoted(previous.typeName)) to \(quoted(field.typeName)).",
    at: field.location(6), against: previous.location(6), file: field.file)
}
