/// All files of a package set the same `java_multiple_files`.
struct PackageSameJavaMultipleFiles: LintRule {
  private static let examples = PackageSameOption.example("java_multiple_files", "true", "false")
  static let info = RuleInfo(
    id: "PACKAGE_SAME_JAVA_MULTIPLE_FILES",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that all files with a given package have the same value for the java_multiple_files option.",
    good: examples.good, bad: examples.bad)

  func check(_ context: LintContext, _ out: inout FindingSink) {
    PackageSameOption.check(context, &out, option: "java_multiple_files", path: [8, 10]) { f in
      f.descriptor.options.hasJavaMultipleFiles ? String(f.descriptor.options.javaMultipleFiles) : ""
    }
  }
}
