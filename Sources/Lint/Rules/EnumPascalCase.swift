/// Enum names are PascalCase.
struct EnumPascalCase: EnumLintRule {
  static let info = RuleInfo(
    id: "ENUM_PASCAL_CASE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that enums are PascalCase.",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nenum PetKind { PET_KIND_UNSPECIFIED = 0; }\n"],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\nenum ↓pet_kind { PET_KIND_UNSPECIFIED = 0; }\n"])

  func check(enum e: EnumElement, _ context: LintContext, _ out: inout FindingSink) {
    let expected = Casing.pascal(e.name)
    if e.name != expected {
      out.report(
        "Enum name \(q(e.name)) should be PascalCase, such as \(q(expected)).", file: e.file, path: e.path + [1])
    }
  }
}
