/// Package names are lower_snake.case.
struct PackageLowerSnakeCase: FileLintRule {
  static let info = RuleInfo(
    id: "PACKAGE_LOWER_SNAKE_CASE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that packages are lower_snake.case.",
    good: ["syntax = \"proto3\";\npackage acme.pet_store.v1;\n"],
    bad: ["syntax = \"proto3\";\n↓package acme.PetStore.v1;\n"])

  func check(file: LintFile, _ context: LintContext, _ out: inout FindingSink) {
    let pkg = file.package
    guard !pkg.isEmpty else { return }
    let expected = pkg.split(separator: ".", omittingEmptySubsequences: false)
      .map { Casing.lowerSnake(String($0)) }.joined(separator: ".")
    if pkg != expected {
      out.report(
        "Package name \(q(pkg)) should be lower_snake.case, such as \(q(expected)).", file: file.index, path: [2])
    }
  }
}
