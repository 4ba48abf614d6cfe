/// The file option php_namespace does not change.
struct FileSamePhpNamespace: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_PHP_NAMESPACE",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option php_namespace does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option php_namespace = "Acme";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option php_namespace = "AcmePet";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "php_namespace" changed from "Acme" to "AcmePet"."#
        ])
    ])
  static let valueName = #"option "php_namespace""#
  static let valuePath: [Int32] = [8, 41]
  func value(_ file: FileNode) -> String { file.descriptor.options.phpNamespace }
}
