/// Shared body of the PACKAGE_SAME_* rules: all files of a package agree on one file
/// option (a file without it counts as a different value).
enum PackageSameOption {
  static func check(
    _ context: LintContext, _ out: inout FindingSink, option: String, path: [Int32],
    value: (LintFile) -> String
  ) {
    for (pkg, files) in context.filesByPackage {
      var values = Set(files.map(value))
      guard values.count > 1 else { continue }
      let none = values.remove("") != nil
      let list = values.sorted().joined(separator: ",")
      let message =
        none
        ? "Files in package \(q(pkg)) have both values \(q(list)) and no value for option \(q(option)) and all values must be equal."
        : "Files in package \(q(pkg)) have multiple values \(q(list)) for option \(q(option)) and all values must be equal."
      for f in files {
        out.report(message, file: f.index, path: f.locations.location(path) != nil ? path : nil)
      }
    }
  }

  static func example(_ option: String, _ a: String, _ b: String) -> (good: [String], bad: [String]) {
    let good =
      "// file: acme/v1/a.proto\nsyntax = \"proto3\";\npackage acme.v1;\noption \(option) = \(a);\n// file: acme/v1/b.proto\nsyntax = \"proto3\";\npackage acme.v1;\noption \(option) = \(a);\n"
    let bad =
      "// file: acme/v1/a.proto\nsyntax = \"proto3\";\npackage acme.v1;\n↓option \(option) = \(a);\n// file: acme/v1/b.proto\nsyntax = \"proto3\";\npackage acme.v1;\n↓option \(option) = \(b);\n"
    return ([good], [bad])
  }
}
