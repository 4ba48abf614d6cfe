/// No `import public`.
struct ImportNoPublic: ImportLintRule {
  static let info = RuleInfo(
    id: "IMPORT_NO_PUBLIC",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that imports are not public.",
    good: [
      "syntax = \"proto3\";\npackage acme.v1;\nimport \"google/protobuf/empty.proto\";\nmessage Pet { google.protobuf.Empty e = 1; }\n"
    ],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\n↓import public \"google/protobuf/empty.proto\";\n"])

  func check(import i: ImportElement, _ context: LintContext, _ out: inout FindingSink) {
    if i.isPublic { out.report("Import \(q(i.importPath)) must not be public.", file: i.file, path: i.path) }
  }
}
