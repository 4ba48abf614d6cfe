/// The file option optimize_for does not change.
struct FileSameOptimizeFor: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_OPTIMIZE_FOR",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option optimize_for does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option optimize_for = SPEED;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option optimize_for = CODE_SIZE;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "optimize_for" changed from "SPEED" to "CODE_SIZE"."#
        ])
    ])
  static let valueName = #"option "optimize_for""#
  static let valuePath: [Int32] = [8, 9]
  func value(_ file: FileNode) -> String { file.descriptor.options.optimizeFor.name }
}
