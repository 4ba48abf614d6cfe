import Proto

/// The last package component is a version (`v1`, `v1beta1`, `v1p1alpha1`, `v1test`).
struct PackageVersionSuffix: FileLintRule {
  static let info = RuleInfo(
    id: "PACKAGE_VERSION_SUFFIX",
    categories: ["STANDARD"],
    purpose:
      "Checks that the last component of all packages is a version of the form v\\d+, v\\d+test.*, v\\d+(alpha|beta)\\d+, or v\\d+p\\d+(alpha|beta)\\d+, where numbers are >=1.",
    good: ["syntax = \"proto3\";\npackage acme.v1beta1;\n"],
    bad: ["syntax = \"proto3\";\n↓package acme.pets;\n"])

  func check(file: LintFile, _ context: LintContext, _ out: inout FindingSink) {
    let pkg = file.package
    guard !pkg.isEmpty, PackageVersion(package: pkg) == nil else { return }
    out.report(
      "Package name \(q(pkg)) should be suffixed with a correctly formed version, such as \(q(pkg + ".v1")).",
      file: file.index, path: [2])
  }
}
