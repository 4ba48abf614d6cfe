/// buf's PROTOVALIDATE checks `buf.validate` constraints and compiles their CEL. sebuf
/// does not bundle protovalidate, so this rule only exists so that configs naming it
/// (and STANDARD) keep their meaning; it reports nothing.
struct Protovalidate: LintRule {
  static let info = RuleInfo(
    id: "PROTOVALIDATE",
    purpose: "Checks that protovalidate rules are valid and all CEL expressions compile (not checked by sebuf yet).",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nmessage Pet {}\n"],
    bad: [])

  func check(_ context: LintContext, _ out: inout FindingSink) {}
}
