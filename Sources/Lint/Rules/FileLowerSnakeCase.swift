/// File names are lower_snake_case.proto.
struct FileLowerSnakeCase: FileLintRule {
  static let info = RuleInfo(
    id: "FILE_LOWER_SNAKE_CASE",
    categories: ["STANDARD"],
    purpose: "Checks that filenames are lower_snake_case.",
    good: ["// file: acme/v1/pet_store.proto\nsyntax = \"proto3\";\npackage acme.v1;\n"],
    bad: ["// file: acme/v1/PetStore.proto\n↓syntax = \"proto3\";\npackage acme.v1;\n"])

  func check(file: LintFile, _ context: LintContext, _ out: inout FindingSink) {
    let base = file.name.split(separator: "/").last.map(String.init) ?? file.name
    var ext = ""
    if let dot = base.lastIndex(of: ".") { ext = String(base[dot...]) }
    let stem = String(base.dropLast(ext.count))
    let expected = Casing.lowerSnake(stem)
    if stem != expected {
      out.report(
        "Filename \(q(base)) should be lower_snake_case\(ext), such as \"\(expected)\(ext)\".", file: file.index,
        path: nil)
    }
  }
}
