/// Messages are not deleted from a package.
struct PackageMessageNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "PACKAGE_MESSAGE_NO_DELETE",
    categories: ["PACKAGE"],
    purpose: "Messages are not deleted from a package (moving them between its files is fine).",
    examples: [
      .change(
        from: """
          // file: acme/v1/one.proto
          syntax = "proto3";

          package acme.v1;

          message Moved {
            string id = 1;
          }

          message Gone {
            string id = 1;
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

          message Moved {
            string id = 1;
          }

          message Other {
            string id = 1;
          }

          """,
        [
          #"Previously present message "Gone" was deleted from package "acme.v1"."#
        ])
    ])

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    let packages = pair.current.filesByPackage
    checkPackageDeletions(
      pair, kind: "message", elements: { $0.allMessages }, nestedName: { $0.nestedName },
      location: { $0.location }, file: { $0.file },
      deletedAt: { file, name in
        // The enclosing message may live in any file of the package.
        var parts = name.split(separator: ".").map(String.init)
        parts.removeLast()
        while !parts.isEmpty {
          let parent = parts.joined(separator: ".")
          for f in packages[file.package] ?? [] {
            if let m = f.messagesByNestedName[parent] { return m.location }
          }
          parts.removeLast()
        }
        return nil
      }, &out)
  }
}
