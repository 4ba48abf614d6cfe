/// Messages are not deleted from a file.
struct MessageNoDelete: FilePairRule {
  static let info = RuleInfo(
    id: "MESSAGE_NO_DELETE",
    categories: ["CSR", "FILE"],
    purpose: "Messages are not deleted from a file, since code that names them stops compiling.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string id = 1;
            message Toy {
              string kind = 1;
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
          #"Previously present message "Pet.Toy" was deleted from file."#
        ])
    ])

  func check(_ file: FileNode, _ previous: FileNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = file.messagesByNestedName
    for m in previous.allMessages where current[m.nestedName] == nil {
      out.add(
        "Previously present message \(quoted(m.nestedName)) was deleted from file.",
        at: file.enclosingMessageLocation(ofDeleted: m.nestedName), against: m.location, file: file)
    }
  }
}
