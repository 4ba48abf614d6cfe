/// All files of a package set the same `php_namespace`.
struct PackageSamePhpNamespace: LintRule {
  private static let examples = PackageSameOption.example("php_namespace", "\"Acme\\\\V1\"", "\"Acme\\\\Other\"")
  static let info = RuleInfo(
    id: "PACKAGE_SAME_PHP_NAMESPACE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that all files with a given package have the same value for the php_namespace option.",
    good: examples.good, bad: examples.bad)

  func check(_ context: LintContext, _ out: inout FindingSink) {
    PackageSameOption.check(context, &out, option: "php_namespace", path: [8, 41]) { f in
      f.descriptor.options.phpNamespace
    }
  }
}
