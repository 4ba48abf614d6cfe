/// Extensions are not deleted from a package.
struct PackageExtensionNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "PACKAGE_EXTENSION_NO_DELETE",
    purpose: "Extensions are not deleted from a package (moving them between its files is fine).")

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkPackageDeletions(
      pair, kind: "extension", elements: { $0.allExtensions }, nestedName: { $0.nestedName },
      location: { $0.location }, file: { $0.file }, deletedAt: { $0.enclosingMessageLocation(ofDeleted: $1) }, &out)
  }
}
