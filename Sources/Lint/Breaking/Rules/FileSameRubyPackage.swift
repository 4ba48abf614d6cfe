/// The file option ruby_package does not change.
struct FileSameRubyPackage: FileValueRule {
  static let info = RuleInfo(
    id: "FILE_SAME_RUBY_PACKAGE",
    categories: ["FILE", "PACKAGE"],
    purpose: "The file option ruby_package does not change.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          option ruby_package = "Acme::Pet::V1";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓option ruby_package = "Acme::Pets::V1";

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"File option "ruby_package" changed from "Acme::Pet::V1" to "Acme::Pets::V1"."#
        ])
    ])
  static let valueName = #"option "ruby_package""#
  static let valuePath: [Int32] = [8, 45]
  func value(_ file: FileNode) -> String { file.descriptor.options.rubyPackage }
}
