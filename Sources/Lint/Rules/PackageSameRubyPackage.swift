/// All files of a package set the same `ruby_package`.
struct PackageSameRubyPackage: LintRule {
  private static let examples = PackageSameOption.example("ruby_package", "\"Acme::V1\"", "\"Acme::Other\"")
  static let info = RuleInfo(
    id: "PACKAGE_SAME_RUBY_PACKAGE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that all files with a given package have the same value for the ruby_package option.",
    good: examples.good, bad: examples.bad)

  func check(_ context: LintContext, _ out: inout FindingSink) {
    PackageSameOption.check(context, &out, option: "ruby_package", path: [8, 45]) { f in
      f.descriptor.options.rubyPackage
    }
  }
}
