/// The file option swift_prefix does not change.
struct FileSameSwiftPrefix: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_SWIFT_PREFIX", purpose: "The file option swift_prefix does not change.")
  static let valueName = #"option "swift_prefix""#
  static let valuePath: [Int32] = [8, 39]
  func value(_ file: FileNode) -> String { file.descriptor.options.swiftPrefix }
}
