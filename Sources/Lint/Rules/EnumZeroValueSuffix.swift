/// The zero value ends with `enum_zero_value_suffix` (default `_UNSPECIFIED`).
struct EnumZeroValueSuffix: EnumValueLintRule {
  static let info = RuleInfo(
    id: "ENUM_ZERO_VALUE_SUFFIX",
    categories: ["STANDARD"],
    purpose: "Checks that enum zero values have a consistent suffix (configurable, default _UNSPECIFIED).",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nenum Kind { KIND_UNSPECIFIED = 0; }\n"],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\nenum Kind { ↓KIND_NONE = 0; }\n"])

  func check(value: EnumValueElement, _ context: LintContext, _ out: inout FindingSink) {
    guard value.descriptor.number == 0 else { return }
    let suffix = context.options.enumZeroValueSuffix
    if !value.name.hasSuffix(suffix) {
      out.report(
        "Enum zero value name \(q(value.name)) should be suffixed with \(q(suffix)).",
        file: value.file, path: value.path + [1])
    }
  }
}
