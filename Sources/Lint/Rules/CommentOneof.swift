/// Oneofs have a leading comment that documents them.
struct CommentOneof: OneofLintRule {
  private static let examples = CommentCheck.example(
    "// A pet.\nmessage Pet {\n  // Kind.\n  oneof kind {\n    // A dog.\n    string dog = 1;\n  }\n}\n",
    "// A pet.\nmessage Pet {\n  ↓oneof kind {\n    // A dog.\n    string dog = 1;\n  }\n}\n")
  static let info = RuleInfo(
    id: "COMMENT_ONEOF",
    categories: ["COMMENTS"],
    purpose: "Checks that oneofs have non-empty comments.",
    good: examples.good, bad: examples.bad)

  func check(oneof: OneofElement, _ context: LintContext, _ out: inout FindingSink) {
    if oneof.isSynthetic { return }
    CommentCheck.check("Oneof", name: oneof.name, file: oneof.file, path: oneof.path, context, &out)
  }
}
