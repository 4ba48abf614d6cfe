/// Enums have a leading comment that documents them.
struct CommentEnum: EnumLintRule {
  private static let examples = CommentCheck.example(
    "// Kinds.\nenum Kind {\n  // Unknown.\n  KIND_UNSPECIFIED = 0;\n}\n",
    "↓enum Kind {\n  // Unknown.\n  KIND_UNSPECIFIED = 0;\n}\n")
  static let info = RuleInfo(
    id: "COMMENT_ENUM",
    categories: ["COMMENTS"],
    purpose: "Checks that enums have non-empty comments.",
    good: examples.good, bad: examples.bad)

  func check(enum e: EnumElement, _ context: LintContext, _ out: inout FindingSink) {
    CommentCheck.check("Enum", name: e.name, file: e.file, path: e.path, context, &out)
  }
}
