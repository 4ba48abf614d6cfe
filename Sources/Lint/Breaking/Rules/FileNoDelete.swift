/// Files are not deleted.
struct FileNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "FILE_NO_DELETE", purpose: "Files are not deleted, since everything that imports them breaks.")

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for previous in pair.previous.files where pair.current.fileByName[previous.name] == nil {
      out.add(
        "Previously present file \(quoted(previous.name)) was deleted.", at: nil, againstFile: previous)
    }
  }
}
