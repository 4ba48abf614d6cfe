/// The file option java_package does not change.
struct FileSameJavaPackage: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_JAVA_PACKAGE",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option java_package does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option java_package = "com.acme.pet.v1";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option java_package = "com.acme.pets.v1";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "java_package" changed from "com.acme.pet.v1" to "com.acme.pets.v1"."#
        ])
    ])
  static let valueName = #"option "java_package""#
  static let valuePath: [Int32] = [8, 1]
  func value(_ file: FileNode) -> String { file.descriptor.options.javaPackage }
}
