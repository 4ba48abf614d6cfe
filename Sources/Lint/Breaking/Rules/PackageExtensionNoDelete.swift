/// Extensions are not deleted from a package.
struct PackageExtensionNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "PACKAGE_EXTENSION_NO_DELETE",
    categories: ["PACKAGE"],
    purpose: "Extensions are not deleted from a package (moving them between its files is fine).",
    examples: [
      .change(
        from: """
          // file: acme/v1/one.proto
          syntax = "proto2";

          package acme.v1;

          message Kept {
            optional string id = 1;
            extensions 10 to 20;
          }

          extend Kept {
            optional string extra = 10;
          }

          """,
        to: """
          // file: acme/v1/one.proto
          ↓syntax = "proto2";

          package acme.v1;

          message Kept {
            optional string id = 1;
            extensions 10 to 20;
          }

          """,
        [
          #"Previously present extension "extra" was deleted from package "acme.v1"."#
        ])
    ])

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkPackageDeletions(
      pair, kind: "extension", elements: { $0.allExtensions }, nestedName: { $0.nestedName },
      location: { $0.location }, file: { $0.file }, deletedAt: { $0.enclosingMessageLocation(ofDeleted: $1) }, &out)
  }
}
