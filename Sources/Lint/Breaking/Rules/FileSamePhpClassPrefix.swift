/// The file option php_class_prefix does not change.
struct FileSamePhpClassPrefix: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_PHP_CLASS_PREFIX",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option php_class_prefix does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option php_class_prefix = "AP";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option php_class_prefix = "AQ";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "php_class_prefix" changed from "AP" to "AQ"."#
        ])
    ])
  static let valueName = #"option "php_class_prefix""#
  static let valuePath: [Int32] = [8, 40]
  func value(_ file: FileNode) -> String { file.descriptor.options.phpClassPrefix }
}
