/// All files in one directory declare the same package.
struct DirectorySamePackage: LintRule {
  static let info = RuleInfo(
    id: "DIRECTORY_SAME_PACKAGE",
    categories: ["MINIMAL", "BASIC", "STANDARD"],
    purpose: "Checks that all files in a given directory are in the same package.",
    good: [
      "// file: acme/v1/a.proto\nsyntax = \"proto3\";\npackage acme.v1;\n// file: acme/v1/b.proto\nsyntax = \"proto3\";\npackage acme.v1;\n"
    ],
    bad: [
      "// file: acme/v1/a.proto\nsyntax = \"proto3\";\n↓package acme.v1;\n// file: acme/v1/b.proto\nsyntax = \"proto3\";\n↓package acme.v2;\n"
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    for (dir, files) in context.filesByDirectory {
      var packages = Set(files.map(\.package))
      guard packages.count > 1 else { continue }
      let prefix: String
      if packages.remove("") != nil {
        let list = packages.sorted().joined(separator: ",")
        prefix =
          packages.count > 1
          ? "Multiple packages \(q(list)) and file with no package" : "Package \(q(list)) and file with no package"
      } else {
        prefix = "Multiple packages \(q(packages.sorted().joined(separator: ",")))"
      }
      for f in files {
        out.report("\(prefix) detected within directory \(q(dir)).", file: f.index, path: [2])
      }
    }
  }
}
