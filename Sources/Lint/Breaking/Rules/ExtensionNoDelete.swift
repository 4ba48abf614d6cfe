/// Extensions are not deleted from a file.
struct ExtensionNoDelete: FilePairRule {
  static let info = RuleInfo(
    id: "EXTENSION_NO_DELETE", purpose: "Extensions are not deleted from a file.")

  func check(_ file: FileNode, _ previous: FileNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = Set(file.allExtensions.map(\.nestedName))
    for x in previous.allExtensions where !current.contains(x.nestedName) {
      out.add(
        "Previously present extension \(quoted(x.nestedName)) was deleted from file.",
        at: file.enclosingMessageLocation(ofDeleted: x.nestedName), against: x.location, file: file)
    }
  }
}
