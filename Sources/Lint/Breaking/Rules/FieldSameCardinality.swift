/// Fields keep their cardinality.
struct FieldSameCardinality: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_CARDINALITY",
    categories: ["FILE", "PACKAGE"],
    purpose: "Fields keep their cardinality (optional, required, repeated, map) and presence.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            repeated string tags = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            ↓string tags = 1;
          }

          """,
        [
          #"Field "1" with name "tags" on message "Pet" changed cardinality from "repeated" to "optional with implicit presence"."#
        ]),
      .change(
        from: """
          edition = "2023";

          package acme.v1;

          message Pet {
            int32 age = 1;
          }

          """,
        to: """
          edition = "2023";

          package acme.v1;

          message Pet {
            ↓int32 age = 1 [features.field_presence = IMPLICIT];
          }

          """,
        [
          #"Field "1" with name "age" on message "Pet" changed cardinality from "optional with explicit presence" to "optional with implicit presence"."#
        ]),
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if field.inMapEntry && previous.inMapEntry { return }
    let before = previous.cardinality(in: pair.previous)
    let after = field.cardinality(in: pair.current)
    guard before != after else { return }
    out.add(
      "\(field.description) changed cardinality from \(quoted(before.rawValue)) to \(quoted(after.rawValue)).",
      at: field.location, against: previous.location, file: field.file)
  }
}
