/// Fields have a leading comment that documents them.
struct CommentField: FieldLintRule {
  private static let examples = CommentCheck.example(
    "// A pet.\nmessage Pet {\n  // Its name.\n  string name = 1;\n}\n",
    "// A pet.\nmessage Pet {\n  ↓string name = 1;\n}\n")
  static let info = RuleInfo(
    id: "COMMENT_FIELD",
    categories: ["COMMENTS"],
    purpose: "Checks that fields have non-empty comments.",
    good: examples.good, bad: examples.bad)

  func check(field: FieldElement, _ context: LintContext, _ out: inout FindingSink) {
    if let p = field.parent, p.isMapEntry, !field.isExtension { return }
    if field.descriptor.type == .group { return }
    CommentCheck.check("Field", name: field.name, file: field.file, path: field.path, context, &out)
  }
}
