import Proto

/// string fields keep their UTF-8 validation.
struct FieldSameUtf8Validation: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_UTF8_VALIDATION",
    categories: ["FILE", "PACKAGE"],
    purpose: "string fields keep their UTF-8 validation, or parsers start rejecting (or accepting) data.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            string c = 1;
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          message Sample {
            ↓optional string c = 1;
          }

          """,
        [
          #"Field "1" with name "c" on message "Sample" changed UTF8 validation from VERIFY to NONE."#
        ]),
      .change(
        from: """
          edition = "2023";

          package acme.v1;

          message Pet {
            string name = 1;
          }

          """,
        to: """
          edition = "2023";

          package acme.v1;

          message Pet {
            string name = 1 [↓features.utf8_validation = NONE];
          }

          """,
        [
          #"Field "1" with name "name" on message "Pet" changed UTF8 validation from VERIFY to NONE."#
        ]),
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    guard field.type == .string, previous.type == .string else { return }
    let before = previous.utf8Validation
    let after = field.utf8Validation
    guard before != after else { return }
    out.add(
      "\(field.description) changed UTF8 validation from \(before.name) to \(after.name).",
      at: field.featureLocation(FeatureNumber.utf8Validation) ?? field.location,
      against: previous.featureLocation(FeatureNumber.utf8Validation) ?? previous.location, file: field.file)
  }
}
