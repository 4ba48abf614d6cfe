/// Enum values are prefixed with the enum's UPPER_SNAKE_CASE name.
struct EnumValuePrefix: EnumValueLintRule {
  static let info = RuleInfo(
    id: "ENUM_VALUE_PREFIX",
    categories: ["STANDARD"],
    purpose: "Checks that enum values are prefixed with ENUM_NAME_UPPER_SNAKE_CASE.",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nenum PetKind { PET_KIND_UNSPECIFIED = 0; }\n"],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\nenum PetKind { ↓KIND_UNSPECIFIED = 0; }\n"])

  func check(value: EnumValueElement, _ context: LintContext, _ out: inout FindingSink) {
    let prefix = Casing.upperSnake(value.enumName) + "_"
    if !value.name.hasPrefix(prefix) {
      out.report(
        "Enum value name \(q(value.name)) should be prefixed with \(q(prefix)).", file: value.file,
        path: value.path + [1])
    }
  }
}
