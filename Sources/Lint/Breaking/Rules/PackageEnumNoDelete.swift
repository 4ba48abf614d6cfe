/// Enums are not deleted from a package.
struct PackageEnumNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "PACKAGE_ENUM_NO_DELETE", purpose: "Enums are not deleted from a package (moving them between its files is fine).")

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkPackageDeletions(
      pair, kind: "enum", elements: { $0.allEnums }, nestedName: { $0.nestedName }, location: { $0.location },
      file: { $0.file }, deletedAt: { $0.enclosingMessageLocation(ofDeleted: $1) }, &out)
  }
}
