/// The file option cc_enable_arenas does not change.
struct FileSameCcEnableArenas: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_CC_ENABLE_ARENAS", purpose: "The file option cc_enable_arenas does not change.")
  static let valueName = #"option "cc_enable_arenas""#
  static let valuePath: [Int32] = [8, 31]
  func value(_ file: FileNode) -> String { file.descriptor.options.ccEnableArenas.text }
}
