/// Oneof names are lower_snake_case (synthetic proto3-optional oneofs are skipped).
struct OneofLowerSnakeCase: OneofLintRule {
  static let info = RuleInfo(
    id: "ONEOF_LOWER_SNAKE_CASE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that oneof names are lower_snake_case.",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nmessage Pet { oneof pet_kind { string dog = 1; } }\n"],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\nmessage Pet { oneof ↓PetKind { string dog = 1; } }\n"])

  func check(oneof: OneofElement, _ context: LintContext, _ out: inout FindingSink) {
    let expected = Casing.lowerSnake(oneof.name)
    guard oneof.name != expected, !oneof.isSynthetic else { return }
    out.report(
      "Oneof name \(q(oneof.name)) should be lower_snake_case, such as \(q(expected)).",
      file: oneof.file, path: oneof.path + [1])
  }
}
