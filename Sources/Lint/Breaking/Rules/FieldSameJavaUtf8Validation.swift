/// string fields keep their Java UTF-8 validation.
struct FieldSameJavaUtf8Validation: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_JAVA_UTF8_VALIDATION",
    categories: ["FILE", "PACKAGE"],
    purpose: "string fields keep their Java UTF-8 validation (java_string_check_utf8).",
    examples: [
      .change(
        from: """
          syntax = "proto2";

          package acme.v1;

          message Record {
            optional string id = 1;
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          ↓option java_string_check_utf8 = true;

          message Record {
            optional string id = 1;
          }

          """,
        [
          #"Field "1" with name "id" on message "Record" changed Java string UTF8 validation from "NONE" to "VERIFY"."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    guard field.type == .string, previous.type == .string else { return }
    let before = validation(previous)
    let after = validation(field)
    guard before != after else { return }
    out.add(
      "\(field.description) changed Java string UTF8 validation from \(quoted(before)) to \(quoted(after)).",
      at: field.file.location([8, 27]) ?? field.location,
      against: previous.file.location([8, 27]) ?? previous.location, file: field.file)
  }

  private func validation(_ f: FieldNode) -> String {
    f.file.descriptor.options.javaStringCheckUtf8 ? "VERIFY" : f.utf8Validation.name
  }
}
