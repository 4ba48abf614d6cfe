/// Files keep their package, so every full name in them stays the same.
struct FileSamePackage: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_PACKAGE", purpose: "Files keep their package, so every full name in them stays the same.")
  static let valueName = #"package"#
  static let valuePath: [Int32] = [2]
  func value(_ file: FileNode) -> String { file.package }
}
