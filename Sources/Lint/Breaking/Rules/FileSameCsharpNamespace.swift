/// The file option csharp_namespace does not change.
struct FileSameCsharpNamespace: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_CSHARP_NAMESPACE",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option csharp_namespace does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option csharp_namespace = "Acme.Pet.V1";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option csharp_namespace = "Acme.Pets.V1";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "csharp_namespace" changed from "Acme.Pet.V1" to "Acme.Pets.V1"."#
        ])
    ])
  static let valueName = #"option "csharp_namespace""#
  static let valuePath: [Int32] = [8, 37]
  func value(_ file: FileNode) -> String { file.descriptor.options.csharpNamespace }
}
