import Proto

/// Messages keep JSON support.
struct MessageSameJsonFormat: MessagePairRule {
  static let info = RuleInfo(
    id: "MESSAGE_SAME_JSON_FORMAT",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"],
    purpose: "Messages that supported JSON keep supporting it.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Sample {
            string id = 1;
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          ↓message Sample {
            optional string id = 1;
          }

          """,
        [
          #"Message "Sample" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT."#
        ]),
      .change(
        from: """
          edition = "2023";

          package acme.v1;

          message Pet {
            string name = 1;
          }

          """,
        to: """
          edition = "2023";

          package acme.v1;

          message Pet {
            ↓option features.json_format = LEGACY_BEST_EFFORT;
            string name = 1;
          }

          """,
        [
          #"Message "Pet" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT."#
        ]),
    ])

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.features.jsonFormat
    let after = message.features.jsonFormat
    guard before == .allow, after != .allow else { return }
    out.add(
      "Message \(quoted(message.name)) JSON format support changed from \(before.name) to \(after.name).",
      at: message.featureLocation(FeatureNumber.jsonFormat) ?? message.location,
      against: previous.featureLocation(FeatureNumber.jsonFormat) ?? previous.location, file: message.file)
  }
}
