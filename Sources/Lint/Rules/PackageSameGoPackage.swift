/// All files of a package set the same `go_package`.
struct PackageSameGoPackage: LintRule {
  private static let examples = PackageSameOption.example(
    "go_package", "\"example.com/acme/v1\"", "\"example.com/acme/other\"")
  static let info = RuleInfo(
    id: "PACKAGE_SAME_GO_PACKAGE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that all files with a given package have the same value for the go_package option.",
    good: examples.good, bad: examples.bad)

  func check(_ context: LintContext, _ out: inout FindingSink) {
    PackageSameOption.check(context, &out, option: "go_package", path: [8, 11]) { f in f.descriptor.options.goPackage }
  }
}
