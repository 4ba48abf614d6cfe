/// Enums do not set `allow_alias`.
struct EnumNoAllowAlias: EnumLintRule {
  static let info = RuleInfo(
    id: "ENUM_NO_ALLOW_ALIAS",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that enums do not have the allow_alias option set.",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nenum Kind { KIND_UNSPECIFIED = 0; }\n"],
    bad: [
      "syntax = \"proto3\";\npackage acme.v1;\nenum Kind {\n  ↓option allow_alias = true;\n  KIND_UNSPECIFIED = 0;\n  KIND_NONE = 0;\n}\n"
    ])

  func check(enum e: EnumElement, _ context: LintContext, _ out: inout FindingSink) {
    if e.descriptor.options.allowAlias {
      out.report(
        "Enum option \"allow_alias\" on enum \(q(e.name)) must be false.", file: e.file, path: e.path + [3, 2])
    }
  }
}
