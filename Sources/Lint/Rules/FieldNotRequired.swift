/// No `required` fields (proto2 label or the editions LEGACY_REQUIRED presence).
struct FieldNotRequired: FieldLintRule {
  static let info = RuleInfo(
    id: "FIELD_NOT_REQUIRED",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that fields are not configured to be required.",
    good: ["syntax = \"proto2\";\npackage acme.v1;\nmessage Pet { optional string name = 1; }\n"],
    bad: [
      "syntax = \"proto2\";\npackage acme.v1;\nmessage Pet { required string ↓name = 1; }\n",
      "edition = \"2023\";\npackage acme.v1;\nmessage Pet { string ↓name = 1 [features.field_presence = LEGACY_REQUIRED]; }\n",
    ])

  func check(field: FieldElement, _ context: LintContext, _ out: inout FindingSink) {
    let file = context.files[field.file].name
    if context.index.fieldSemantics(file: file, path: field.path).isRequired {
      out.report("Field named \(q(field.name)) should not be required.", file: field.file, path: field.path + [1])
    }
  }
}
