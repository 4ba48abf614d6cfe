// Shared walk of the PACKAGE_*_NO_DELETE rules: elements matched by package and nested
// name, so moving an element between files of one package is not a deletion.

/// Reports every element of `previous` whose package still exists but whose nested name is
/// gone from that package. Elements of deleted files are reported at `<input>`.
func checkPackageDeletions<E>(
  _ pair: SchemaPair, kind: String, elements: (FileNode) -> [E], nestedName: (E) -> String,
  location: (E) -> Location?, file: (E) -> FileNode, deletedAt: (FileNode, String) -> Location?,
  _ out: inout BreakingFindings
) {
  let currentPackages = pair.current.filesByPackage
  for (package, previousFiles) in pair.previous.filesByPackage.sorted(by: { $0.key < $1.key }) {
    guard let currentFiles = currentPackages[package] else { continue }
    var present = Set<String>()
    for f in currentFiles { for e in elements(f) { present.insert(nestedName(e)) } }
    for pf in previousFiles {
      for e in elements(pf) where !present.contains(nestedName(e)) {
        let name = nestedName(e)
        let message = "Previously present \(kind) \(quoted(name)) was deleted from package \(quoted(package))."
        if let currentFile = pair.current.fileByName[file(e).name] {
          out.add(message, at: deletedAt(currentFile, name), against: location(e), file: currentFile)
        } else {
          out.add(message, at: nil, against: location(e))
        }
      }
    }
  }
}
