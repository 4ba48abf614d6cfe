/// The file option optimize_for does not change.
struct FileSameOptimizeFor: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_OPTIMIZE_FOR", purpose: "The file option optimize_for does not change.")
  static let valueName = #"option "optimize_for""#
  static let valuePath: [Int32] = [8, 9]
  func value(_ file: FileNode) -> String { file.descriptor.options.optimizeFor.name }
}
