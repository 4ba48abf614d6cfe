/// The first enum value is zero (proto2 allows otherwise; proto3 readers default to it).
struct EnumFirstValueZero: EnumLintRule {
  static let info = RuleInfo(
    id: "ENUM_FIRST_VALUE_ZERO",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that all first values of enums have a numeric value of 0.",
    good: ["syntax = \"proto2\";\npackage acme.v1;\nenum Kind { KIND_UNSPECIFIED = 0; KIND_A = 1; }\n"],
    bad: ["syntax = \"proto2\";\npackage acme.v1;\nenum Kind { KIND_A = ↓1; KIND_UNSPECIFIED = 0; }\n"])

  func check(enum e: EnumElement, _ context: LintContext, _ out: inout FindingSink) {
    guard let first = e.descriptor.value.first, first.number != 0 else { return }
    out.report(
      "First enum value \(q(first.name)) should have a numeric value of 0", file: e.file, path: e.path + [2, 0, 2])
  }
}
