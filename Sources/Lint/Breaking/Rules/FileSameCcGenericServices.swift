/// The file option cc_generic_services does not change.
struct FileSameCcGenericServices: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_CC_GENERIC_SERVICES",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option cc_generic_services does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option cc_generic_services = false;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option cc_generic_services = true;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "cc_generic_services" changed from "false" to "true"."#
        ])
    ])
  static let valueName = #"option "cc_generic_services""#
  static let valuePath: [Int32] = [8, 16]
  func value(_ file: FileNode) -> String { file.descriptor.options.ccGenericServices.text }
}
