/// No `import weak` (deprecated in buf; kept so configs naming it still load).
struct ImportNoWeak: ImportLintRule {
  static let info = RuleInfo(
    id: "IMPORT_NO_WEAK",
    categories: [],
    purpose: "Checks that imports are not weak.",
    good: [
      "syntax = \"proto3\";\npackage acme.v1;\nimport \"google/protobuf/empty.proto\";\nmessage Pet { google.protobuf.Empty e = 1; }\n"
    ],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\n↓import weak \"google/protobuf/empty.proto\";\n"],
    deprecated: true)

  func check(import i: ImportElement, _ context: LintContext, _ out: inout FindingSink) {
    if i.isWeak { out.report("Import \(q(i.importPath)) must not be weak.", file: i.file, path: i.path) }
  }
}
