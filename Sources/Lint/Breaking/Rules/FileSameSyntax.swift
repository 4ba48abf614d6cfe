/// Files keep their syntax (proto2, proto3 or editions), which decides presence and defaults.
struct FileSameSyntax: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_SYNTAX",
    categories: ["CSR", "FILE", "PACKAGE"],
    purpose: "Files keep their syntax (proto2, proto3 or editions), which decides presence and defaults.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {}

          """,
        to: """
          ↓syntax = "proto2";

          package acme.v1;

          message Pet {}

          """,
        [
          #"File syntax changed from "proto3" to "proto2"."#
        ])
    ])
  static let valueName = #"syntax"#
  static let valuePath: [Int32] = [12]
  func value(_ file: FileNode) -> String { file.syntax.rawValue }
}
