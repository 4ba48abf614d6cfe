/// Enum values have a leading comment that documents them.
struct CommentEnumValue: EnumValueLintRule {
  private static let examples = CommentCheck.example(
    "// Kinds.\nenum Kind {\n  // Unknown.\n  KIND_UNSPECIFIED = 0;\n}\n",
    "// Kinds.\nenum Kind {\n  ↓KIND_UNSPECIFIED = 0;\n}\n")
  static let info = RuleInfo(
    id: "COMMENT_ENUM_VALUE",
    categories: ["COMMENTS"],
    purpose: "Checks that enum values have non-empty comments.",
    good: examples.good, bad: examples.bad)

  func check(value: EnumValueElement, _ context: LintContext, _ out: inout FindingSink) {
    CommentCheck.check("Enum value", name: value.name, file: value.file, path: value.path, context, &out)
  }
}
