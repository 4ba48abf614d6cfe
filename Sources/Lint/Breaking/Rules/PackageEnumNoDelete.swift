/// Enums are not deleted from a package.
struct PackageEnumNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "PACKAGE_ENUM_NO_DELETE",
    categories: ["PACKAGE"],
    purpose: "Enums are not deleted from a package (moving them between its files is fine).",
    examples: [
      .change(
        from: """
          // file: acme/v1/one.proto
          syntax = "proto3";

          package acme.v1;

          enum Moved {
            MOVED_UNSPECIFIED = 0;
          }

          enum Shade {
            SHADE_UNSPECIFIED = 0;
          }
          // file: acme/v1/two.proto
          syntax = "proto3";

          package acme.v1;

          message Other {
            string id = 1;
          }

          """,
        to: """
          // file: acme/v1/one.proto
          ↓syntax = "proto3";

          package acme.v1;

          message Kept {
            string id = 1;
          }
          // file: acme/v1/two.proto
          syntax = "proto3";

          package acme.v1;

          enum Moved {
            MOVED_UNSPECIFIED = 0;
          }

          message Other {
            string id = 1;
          }

          """,
        [
          #"Previously present enum "Shade" was deleted from package "acme.v1"."#
        ])
    ])

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkPackageDeletions(
      pair, kind: "enum", elements: { $0.allEnums }, nestedName: { $0.nestedName }, location: { $0.location },
      file: { $0.file }, deletedAt: { $0.enclosingMessageLocation(ofDeleted: $1) }, &out)
  }
}
