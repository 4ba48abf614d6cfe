/// Files keep their package, so every full name in them stays the same.
struct FileSamePackage: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_PACKAGE",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "Files keep their package, so every full name in them stays the same.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          ↓package acme.v2;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File package changed from "acme.v1" to "acme.v2"."#
        ])
    ])
  static let valueName = #"package"#
  static let valuePath: [Int32] = [2]
  func value(_ file: FileNode) -> String { file.package }
}
