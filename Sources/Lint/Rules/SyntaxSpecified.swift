/// Every file states `syntax` (or `edition`) instead of defaulting to proto2.
struct SyntaxSpecified: FileLintRule {
  static let info = RuleInfo(
    id: "SYNTAX_SPECIFIED",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that all files have a syntax specified.",
    good: ["syntax = \"proto2\";\npackage acme.v1;\n"],
    bad: ["↓package acme.v1;\n"])

  func check(file: LintFile, _ context: LintContext, _ out: inout FindingSink) {
    if !file.hasSyntax {
      out.report(
        "Files must have a syntax explicitly specified. If no syntax is specified, the file defaults to \"proto2\".",
        file: file.index, path: nil)
    }
  }
}
