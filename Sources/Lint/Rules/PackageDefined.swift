/// Every file declares a package.
struct PackageDefined: FileLintRule {
  static let info = RuleInfo(
    id: "PACKAGE_DEFINED",
    categories: ["MINIMAL", "BASIC", "STANDARD"],
    purpose: "Checks that all files have a package defined.",
    good: ["syntax = \"proto3\";\npackage acme.v1;\n"],
    bad: ["↓syntax = \"proto3\";\nmessage Foo {}\n"])

  func check(file: LintFile, _ context: LintContext, _ out: inout FindingSink) {
    if file.package.isEmpty { out.report("Files must have a package defined.", file: file.index, path: nil) }
  }
}
