/// The file option cc_generic_services does not change.
struct FileSameCcGenericServices: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_CC_GENERIC_SERVICES", purpose: "The file option cc_generic_services does not change.")
  static let valueName = #"option "cc_generic_services""#
  static let valuePath: [Int32] = [8, 16]
  func value(_ file: FileNode) -> String { file.descriptor.options.ccGenericServices.text }
}
