/// The file option cc_enable_arenas does not change.
struct FileSameCcEnableArenas: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_CC_ENABLE_ARENAS",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option cc_enable_arenas does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option cc_enable_arenas = true;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option cc_enable_arenas = false;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "cc_enable_arenas" changed from "true" to "false"."#
        ])
    ])
  static let valueName = #"option "cc_enable_arenas""#
  static let valuePath: [Int32] = [8, 31]
  func value(_ file: FileNode) -> String { file.descriptor.options.ccEnableArenas.text }
}
