/// Enum value names are UPPER_SNAKE_CASE.
struct EnumValueUpperSnakeCase: EnumValueLintRule {
  static let info = RuleInfo(
    id: "ENUM_VALUE_UPPER_SNAKE_CASE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that enum values are UPPER_SNAKE_CASE.",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nenum Kind { KIND_UNSPECIFIED = 0; }\n"],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\nenum Kind { ↓KIND_unspecified = 0; }\n"])

  func check(value: EnumValueElement, _ context: LintContext, _ out: inout FindingSink) {
    let expected = Casing.upperSnake(value.name)
    if value.name != expected {
      out.report(
        "Enum value name \(q(value.name)) should be UPPER_SNAKE_CASE, such as \(q(expected)).",
        file: value.file, path: value.path + [1])
    }
  }
}
