/// The file option java_generic_services does not change.
struct FileSameJavaGenericServices: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_JAVA_GENERIC_SERVICES",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option java_generic_services does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option java_generic_services = false;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option java_generic_services = true;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "java_generic_services" changed from "false" to "true"."#
        ])
    ])
  static let valueName = #"option "java_generic_services""#
  static let valuePath: [Int32] = [8, 17]
  func value(_ file: FileNode) -> String { file.descriptor.options.javaGenericServices.text }
}
