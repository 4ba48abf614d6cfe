/// Enums are not deleted from a file.
struct EnumNoDelete: FilePairRule {
  static let info = RuleInfo(
    id: "ENUM_NO_DELETE",
    categories: ["CSR", "FILE"],
    purpose: "Enums are not deleted from a file, since code that names them stops compiling.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string id = 1;
            enum Mood {
              MOOD_UNSPECIFIED = 0;
            }
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓message Pet {
            string id = 1;
          }

          """,
        [
          #"Previously present enum "Pet.Mood" was deleted from file."#
        ])
    ])

  func check(_ file: FileNode, _ previous: FileNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = Set(file.allEnums.map(\.nestedName))
    for e in previous.allEnums where !current.contains(e.nestedName) {
      out.add(
        "Previously present enum \(quoted(e.nestedName)) was deleted from file.",
        at: file.enclosingMessageLocation(ofDeleted: e.nestedName), against: e.location, file: file)
    }
  }
}
