/// The file option java_outer_classname does not change.
struct FileSameJavaOuterClassname: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_JAVA_OUTER_CLASSNAME",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option java_outer_classname does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option java_outer_classname = "PetProto";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option java_outer_classname = "PetsProto";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "java_outer_classname" changed from "PetProto" to "PetsProto"."#
        ])
    ])
  static let valueName = #"option "java_outer_classname""#
  static let valuePath: [Int32] = [8, 8]
  func value(_ file: FileNode) -> String { file.descriptor.options.javaOuterClassname }
}
