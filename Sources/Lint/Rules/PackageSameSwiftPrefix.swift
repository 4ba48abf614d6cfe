/// All files of a package set the same `swift_prefix`.
struct PackageSameSwiftPrefix: LintRule {
  private static let examples = PackageSameOption.example("swift_prefix", "\"AV\"", "\"AO\"")
  static let info = RuleInfo(
    id: "PACKAGE_SAME_SWIFT_PREFIX",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that all files with a given package have the same value for the swift_prefix option.",
    good: examples.good, bad: examples.bad)

  func check(_ context: LintContext, _ out: inout FindingSink) {
    PackageSameOption.check(context, &out, option: "swift_prefix", path: [8, 39]) { f in
      f.descriptor.options.swiftPrefix
    }
  }
}
