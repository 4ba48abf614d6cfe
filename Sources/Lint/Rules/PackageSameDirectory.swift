/// All files of one package live in one directory.
struct PackageSameDirectory: LintRule {
  static let info = RuleInfo(
    id: "PACKAGE_SAME_DIRECTORY",
    categories: ["MINIMAL", "BASIC", "STANDARD"],
    purpose: "Checks that all files with a given package are in the same directory.",
    good: [
      "// file: acme/v1/a.proto\nsyntax = \"proto3\";\npackage acme.v1;\n// file: acme/v1/b.proto\nsyntax = \"proto3\";\npackage acme.v1;\n"
    ],
    bad: [
      "// file: acme/v1/a.proto\nsyntax = \"proto3\";\n↓package acme.v1;\n// file: other/v1/b.proto\nsyntax = \"proto3\";\n↓package acme.v1;\n"
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    for (pkg, files) in context.filesByPackage {
      let dirs = Set(files.map(\.directory))
      guard dirs.count > 1 else { continue }
      let list = dirs.sorted().joined(separator: ",")
      for f in files {
        out.report("Multiple directories \(q(list)) contain files with package \(q(pkg)).", file: f.index, path: [2])
      }
    }
  }
}
