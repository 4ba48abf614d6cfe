/// The file option php_metadata_namespace does not change.
struct FileSamePhpMetadataNamespace: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_PHP_METADATA_NAMESPACE",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option php_metadata_namespace does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option php_metadata_namespace = "AcmeMeta";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option php_metadata_namespace = "AcmePetMeta";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "php_metadata_namespace" changed from "AcmeMeta" to "AcmePetMeta"."#
        ])
    ])
  static let valueName = #"option "php_metadata_namespace""#
  static let valuePath: [Int32] = [8, 44]
  func value(_ file: FileNode) -> String { file.descriptor.options.phpMetadataNamespace }
}
