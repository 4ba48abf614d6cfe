/// Services are not deleted from a package.
struct PackageServiceNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "PACKAGE_SERVICE_NO_DELETE",
    categories: ["PACKAGE"],
    purpose: "Services are not deleted from a package (moving them between its files is fine).",
    examples: [
      .change(
        from: """
          // file: acme/v1/one.proto
          syntax = "proto3";

          package acme.v1;

          message Kept {
            string id = 1;
          }

          service PkgService {
            rpc Do(Kept) returns (Kept);
          }

          """,
        to: """
          // file: acme/v1/one.proto
          ↓syntax = "proto3";

          package acme.v1;

          message Kept {
            string id = 1;
          }

          """,
        [
          #"Previously present service "PkgService" was deleted from package "acme.v1"."#
        ])
    ])

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkPackageDeletions(
      pair, kind: "service", elements: { $0.services }, nestedName: { $0.name }, location: { $0.location },
      file: { $0.file }, deletedAt: { _, _ in nil }, &out)
  }
}
