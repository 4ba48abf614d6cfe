/// Extension ranges are not deleted from messages.
struct ExtensionMessageNoDelete: MessagePairRule {
  static let info = RuleInfo(
    id: "EXTENSION_MESSAGE_NO_DELETE",
    categories: ["CSR", "FILE", "PACKAGE"],
    purpose: "Extension ranges are not deleted from messages.",
    examples: [
      .change(
        from: """
          syntax = "proto2";

          package acme.v1;

          message Record {
            optional string id = 1;
            extensions 100 to 199;
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          ↓message Record {
            optional string id = 1;
            extensions 100 to 120, 150 to 199;
          }

          """,
        [
          #"Previously present extension range "[100,199]" on message "Record" is missing values: [121,149] were removed."#
        ])
    ])

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkRanges(
      kind: "extension", elementKind: "message", name: message.name, maxTag: message.maxTag,
      previous: previous.extensionRanges, current: message.extensionRanges, location: message.location,
      against: previous.location, file: message.file, out: &out)
  }
}
