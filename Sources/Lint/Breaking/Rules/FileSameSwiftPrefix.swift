/// The file option swift_prefix does not change.
struct FileSameSwiftPrefix: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_SWIFT_PREFIX",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option swift_prefix does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option swift_prefix = "AP";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option swift_prefix = "AQ";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "swift_prefix" changed from "AP" to "AQ"."#
        ])
    ])
  static let valueName = #"option "swift_prefix""#
  static let valuePath: [Int32] = [8, 39]
  func value(_ file: FileNode) -> String { file.descriptor.options.swiftPrefix }
}
