/// A file's directory spells its package (`acme.v1` lives in `acme/v1/`).
struct PackageDirectoryMatch: FileLintRule {
  static let info = RuleInfo(
    id: "PACKAGE_DIRECTORY_MATCH",
    categories: ["MINIMAL", "BASIC", "STANDARD"],
    purpose: "Checks that all files are in a directory that matches their package name.",
    good: ["// file: acme/v1/a.proto\nsyntax = \"proto3\";\npackage acme.v1;\n"],
    bad: ["// file: acme/v2/a.proto\nsyntax = \"proto3\";\n↓package acme.v1;\n"])

  func check(file: LintFile, _ context: LintContext, _ out: inout FindingSink) {
    let pkg = file.package
    guard !pkg.isEmpty else { return }
    let expected = pkg.replacingOccurrences(".", "/")
    if file.directory != expected {
      out.report(
        "Files with package \(q(pkg)) must be within a directory \"\(expected)\" relative to root but were in directory \"\(file.directory)\".",
        file: file.index, path: [2])
    }
  }
}

extension String {
  func replacingOccurrences(_ a: Character, _ b: Character) -> String {
    String(map { $0 == a ? b : $0 })
  }
}
