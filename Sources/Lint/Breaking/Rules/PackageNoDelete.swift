/// Packages are not deleted.
struct PackageNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "PACKAGE_NO_DELETE", purpose: "Packages are not deleted, since everything in them disappears for clients.")

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = pair.current.filesByPackage
    for (package, files) in pair.previous.filesByPackage.sorted(by: { $0.key < $1.key }) where current[package] == nil {
      out.add(
        "Previously present package \(quoted(package)) was deleted.", at: nil,
        againstFile: files.min { $0.name < $1.name })
    }
  }
}
