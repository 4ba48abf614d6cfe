/// Files are not deleted.
struct FileNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "FILE_NO_DELETE",
    categories: ["CSR", "FILE"],
    purpose: "Files are not deleted, since everything that imports them breaks.",
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
          #"Previously present file "gone/v1/gone.proto" was deleted."#
        ])
    ])

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for previous in pair.previous.files where pair.current.fileByName[previous.name] == nil {
      out.add(
        "Previously present file \(quoted(previous.name)) was deleted.", at: nil, againstFile: previous)
    }
  }
}
