/// Messages have a leading comment that documents them.
struct CommentMessage: MessageLintRule {
  private static let examples = CommentCheck.example("// A pet.\nmessage Pet {}\n", "↓message Pet {}\n")
  static let info = RuleInfo(
    id: "COMMENT_MESSAGE",
    categories: ["COMMENTS"],
    purpose: "Checks that messages have non-empty comments.",
    good: examples.good, bad: examples.bad)

  func check(message: MessageElement, _ context: LintContext, _ out: inout FindingSink) {
    if message.isMapEntry { return }
    CommentCheck.check("Message", name: message.name, file: message.file, path: message.path, context, &out)
  }
}
