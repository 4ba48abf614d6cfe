/// All files of a package set the same `csharp_namespace`.
struct PackageSameCsharpNamespace: LintRule {
  private static let examples = PackageSameOption.example("csharp_namespace", "\"Acme.V1\"", "\"Acme.Other\"")
  static let info = RuleInfo(
    id: "PACKAGE_SAME_CSHARP_NAMESPACE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that all files with a given package have the same value for the csharp_namespace option.",
    good: examples.good, bad: examples.bad)

  func check(_ context: LintContext, _ out: inout FindingSink) {
    PackageSameOption.check(context, &out, option: "csharp_namespace", path: [8, 37]) { f in
      f.descriptor.options.csharpNamespace
    }
  }
}
