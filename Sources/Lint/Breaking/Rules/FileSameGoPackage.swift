/// The file option go_package does not change, so Go import paths stay valid.
struct FileSameGoPackage: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_GO_PACKAGE",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option go_package does not change, so Go import paths stay valid.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option go_package = "example.com/acme/pet/v1;petv1";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option go_package = "example.com/acme/pet/v2;petv2";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "go_package" changed from "example.com/acme/pet/v1;petv1" to "example.com/acme/pet/v2;petv2"."#
        ])
    ])
  static let valueName = #"option "go_package""#
  static let valuePath: [Int32] = [8, 11]
  func value(_ file: FileNode) -> String { file.descriptor.options.goPackage }
}
