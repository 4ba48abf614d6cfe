/// Packages are not deleted.
struct PackageNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "PACKAGE_NO_DELETE",
    categories: ["PACKAGE"],
    purpose: "Packages are not deleted, since everything in them disappears for clients.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string id = 1;
            string name = 2;
          }
          // file: gone/v1/gone.proto
          syntax = "proto3";

          package gone.v1;

          message Ghost {
            string id = 1;
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            string id = 1;
            string name = 2;
          }

          """,
        [
          #"Previously present package "gone.v1" was deleted."#
        ])
    ])

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = pair.current.filesByPackage
    for (package, files) in pair.previous.filesByPackage.sorted(by: { $0.key < $1.key }) where current[package] == nil {
      out.add(
        "Previously present package \(quoted(package)) was deleted.", at: nil,
        againstFile: files.min { $0.name < $1.name })
    }
  }
}
