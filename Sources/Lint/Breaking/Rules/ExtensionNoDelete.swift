/// Extensions are not deleted from a file.
struct ExtensionNoDelete: FilePairRule {
  static let info = RuleInfo(
    id: "EXTENSION_NO_DELETE",
    categories: ["FILE"],
    purpose: "Extensions are not deleted from a file.",
    examples: [
      .change(
        from: """
          syntax = "proto2";

          package acme.v1;

          message Record {
            optional string id = 1;
            extensions 100 to 199;
          }

          extend Record {
            optional string note = 100;
          }

          """,
        to: """
          ↓syntax = "proto2";

          package acme.v1;

          message Record {
            optional string id = 1;
            extensions 100 to 199;
          }

          """,
        [
          #"Previously present extension "note" was deleted from file."#
        ])
    ])

  func check(_ file: FileNode, _ previous: FileNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = Set(file.allExtensions.map(\.nestedName))
    for x in previous.allExtensions where !current.contains(x.nestedName) {
      out.add(
        "Previously present extension \(quoted(x.nestedName)) was deleted from file.",
        at: file.enclosingMessageLocation(ofDeleted: x.nestedName), against: x.location, file: file)
    }
  }
}
