/// All files of a package set the same `java_package`.
struct PackageSameJavaPackage: LintRule {
  private static let examples = PackageSameOption.example("java_package", "\"com.acme.v1\"", "\"com.acme.other\"")
  static let info = RuleInfo(
    id: "PACKAGE_SAME_JAVA_PACKAGE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that all files with a given package have the same value for the java_package option.",
    good: examples.good, bad: examples.bad)

  func check(_ context: LintContext, _ out: inout FindingSink) {
    PackageSameOption.check(context, &out, option: "java_package", path: [8, 1]) { f in f.descriptor.options.javaPackage
    }
  }
}
