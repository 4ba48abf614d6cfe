/// The file option java_multiple_files does not change.
struct FileSameJavaMultipleFiles: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_JAVA_MULTIPLE_FILES",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option java_multiple_files does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option java_multiple_files = true;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option java_multiple_files = false;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "java_multiple_files" changed from "true" to "false"."#
        ])
    ])
  static let valueName = #"option "java_multiple_files""#
  static let valuePath: [Int32] = [8, 10]
  func value(_ file: FileNode) -> String { file.descriptor.options.javaMultipleFiles.text }
}
