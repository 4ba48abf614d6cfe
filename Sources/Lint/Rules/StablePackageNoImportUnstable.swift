import Proto

/// Stable packages (`v1`) do not import unstable ones (`v1beta1`, `v1alpha`, `v1test`).
struct StablePackageNoImportUnstable: LintRule {
  static let info = RuleInfo(
    id: "STABLE_PACKAGE_NO_IMPORT_UNSTABLE",
    categories: [],
    purpose:
      "Checks that all files that have stable versioned packages do not import packages with unstable version packages.",
    good: [
      "// file: a/v1/a.proto\nsyntax = \"proto3\";\npackage a.v1;\nimport \"b/v1/b.proto\";\nmessage A { b.v1.B b = 1; }\n// file: b/v1/b.proto\nsyntax = \"proto3\";\npackage b.v1;\nmessage B {}\n"
    ],
    bad: [
      "// file: a/v1/a.proto\nsyntax = \"proto3\";\npackage a.v1;\n↓import \"b/v1beta1/b.proto\";\nmessage A { b.v1beta1.B b = 1; }\n// file: b/v1beta1/b.proto\nsyntax = \"proto3\";\npackage b.v1beta1;\nmessage B {}\n"
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    // buf looks imported files up among the target files only.
    let packageOf = Dictionary(context.files.map { ($0.name, $0.package) }, uniquingKeysWith: { a, _ in a })
    for file in context.files {
      guard let v = PackageVersion(package: file.package), v.stability == .stable else { continue }
      for (i, dep) in file.descriptor.dependency.enumerated() {
        guard let pkg = packageOf[dep], let dv = PackageVersion(package: pkg), dv.stability != .stable else { continue }
        out.report(
          "This file is in stable package \(q(file.package)), so it should not depend on \(q(dep)) from unstable package \(q(pkg)).",
          file: file.index, path: [3, Int32(i)])
      }
    }
  }
}
