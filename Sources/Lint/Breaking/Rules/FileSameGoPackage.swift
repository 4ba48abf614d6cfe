/// The file option go_package does not change, so Go import paths stay valid.
struct FileSameGoPackage: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_GO_PACKAGE", purpose: "The file option go_package does not change, so Go import paths stay valid.")
  static let valueName = #"option "go_package""#
  static let valuePath: [Int32] = [8, 11]
  func value(_ file: FileNode) -> String { file.descriptor.options.goPackage }
}
