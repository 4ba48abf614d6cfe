/// Field names are lower_snake_case.
struct FieldLowerSnakeCase: FieldLintRule {
  static let info = RuleInfo(
    id: "FIELD_LOWER_SNAKE_CASE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that field names are lower_snake_case.",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nmessage Pet { string display_name = 1; }\n"],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\nmessage Pet { string ↓displayName = 1; }\n"])

  func check(field: FieldElement, _ context: LintContext, _ out: inout FindingSink) {
    if let p = field.parent, p.isMapEntry, !field.isExtension { return }
    let expected = Casing.lowerSnake(field.name)
    if field.name != expected {
      out.report(
        "Field name \(q(field.name)) should be lower_snake_case, such as \(q(expected)).",
        file: field.file, path: field.path + [1])
    }
  }
}
