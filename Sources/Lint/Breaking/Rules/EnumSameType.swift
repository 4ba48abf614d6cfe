import Proto

/// Enums stay open or closed.
struct EnumSameType: EnumPairRule {
  static let info = RuleInfo(
    id: "ENUM_SAME_TYPE",
    categories: ["FILE", "PACKAGE"],
    purpose: "Enums stay open or closed, since that decides how unknown values are kept.",
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
          #"Enum "Color" changed from open to closed."#
        ]),
      .change(
        from: """
          edition = "2023";

          package acme.v1;

          enum Color {
            COLOR_UNSPECIFIED = 0;
          }

          """,
        to: """
          edition = "2023";

          package acme.v1;

          enum Color {
            ↓option features.enum_type = CLOSED;
            COLOR_UNSPECIFIED = 0;
          }

          """,
        [
          #"Enum "Color" changed from open to closed."#
        ]),
    ])

  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    guard e.isClosed != previous.isClosed else { return }
    let (before, after) = previous.isClosed ? ("closed", "open") : ("open", "closed")
    out.add(
      "Enum \(quoted(e.name)) changed from \(before) to \(after).",
      at: e.featureLocation(FeatureNumber.enumType) ?? e.location,
      against: previous.featureLocation(FeatureNumber.enumType) ?? previous.location, file: e.file)
  }
}
