/// The file option objc_class_prefix does not change.
struct FileSameObjcClassPrefix: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_OBJC_CLASS_PREFIX",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option objc_class_prefix does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option objc_class_prefix = "APX";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option objc_class_prefix = "APY";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "objc_class_prefix" changed from "APX" to "APY"."#
        ])
    ])
  static let valueName = #"option "objc_class_prefix""#
  static let valuePath: [Int32] = [8, 36]
  func value(_ file: FileNode) -> String { file.descriptor.options.objcClassPrefix }
}
