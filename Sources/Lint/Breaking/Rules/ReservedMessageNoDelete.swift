/// Reserved ranges and names are not deleted from messages.
struct ReservedMessageNoDelete: MessagePairRule {
  static let info = RuleInfo(
    id: "RESERVED_MESSAGE_NO_DELETE",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "Reserved ranges and names stay reserved in messages, so they are never reused.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Store {
            string id = 1;
            reserved 5, 8 to 10, 20 to max;
            reserved "legacy", "old";
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          ↓message Store {
            string id = 1;
            reserved 5, 9, 30 to max;
            reserved "legacy";
          }

          """,
        [
          #"Previously present reserved name "old" on message "Store" was deleted."#,
          #"Previously present reserved range "[20,max]" on message "Store" is missing values: [20,29] were removed."#,
          #"Previously present reserved range "[8,10]" on message "Store" is missing values: [8], [10] were removed."#,
        ])
    ])

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkRanges(
      kind: "reserved", elementKind: "message", name: message.name, maxTag: message.maxTag,
      previous: previous.reservedRanges, current: message.reservedRanges, location: message.location,
      against: previous.location, file: message.file, out: &out)
    let names = Set(message.descriptor.reservedName)
    for name in Set(previous.descriptor.reservedName).sorted() where !names.contains(name) {
      out.add(
        "Previously present reserved name \(quoted(name)) on message \(quoted(message.name)) was deleted.",
        at: message.location, against: previous.location, file: message.file)
    }
  }
}
