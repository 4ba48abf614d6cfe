/// Oneofs are not deleted from messages.
struct OneofNoDelete: MessagePairRule {
  static let info = RuleInfo(
    id: "ONEOF_NO_DELETE",
    categories: ["CSR", "FILE", "PACKAGE"],
    purpose: "Oneofs are not deleted from messages, since code that switches on them stops compiling.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            oneof contact {
              string email = 1;
              string phone = 2;
            }
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓message Pet {
            string email = 1;
            string phone = 2;
          }

          """,
        [
          #"Previously present oneof "contact" on message "Pet" was deleted."#
        ])
    ])

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = Set(message.oneofs.map(\.name))
    for o in previous.oneofs where !o.isSynthetic && !current.contains(o.name) {
      out.add(
        "Previously present oneof \(quoted(o.name)) on message \(quoted(message.name)) was deleted.",
        at: message.location, against: previous.location, file: message.file)
    }
  }
}
