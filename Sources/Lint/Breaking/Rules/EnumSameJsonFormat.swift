import Proto

/// Enums keep JSON support.
struct EnumSameJsonFormat: EnumPairRule {
  static let info = RuleInfo(
    id: "ENUM_SAME_JSON_FORMAT",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON"],
    purpose: "Enums that supported JSON keep supporting it.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          enum Color {
            COLOR_UNSPECIFIED = 0;
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          ↓enum Color {
            COLOR_UNSPECIFIED = 0;
          }

          """,
        [
          #"Enum "Color" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT."#
        ])
    ])

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.features.jsonFormat
    let after = e.features.jsonFormat
    guard before == .allow, after != .allow else { return }
    out.add(
      "Enum \(quoted(e.name)) JSON format support changed from \(before.name) to \(after.name).",
      at: e.featureLocation(FeatureNumber.jsonFormat) ?? e.location,
      against: previous.featureLocation(FeatureNumber.jsonFormat) ?? previous.location, file: e.file)
  }
}
