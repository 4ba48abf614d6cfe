/// Services have a leading comment that documents them.
struct CommentService: ServiceLintRule {
  private static let examples = CommentCheck.example("// Pets.\nservice PetService {}\n", "↓service PetService {}\n")
  static let info = RuleInfo(
    id: "COMMENT_SERVICE",
    categories: ["COMMENTS"],
    purpose: "Checks that services have non-empty comments.",
    good: examples.good, bad: examples.bad)

  func check(service: ServiceElement, _ context: LintContext, _ out: inout FindingSink) {
    CommentCheck.check("Service", name: service.name, file: service.file, path: service.path, context, &out)
  }
}
