/// The file option ruby_package does not change.
struct FileSameRubyPackage: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_RUBY_PACKAGE", purpose: "The file option ruby_package does not change.")
  static let valueName = #"option "ruby_package""#
  static let valuePath: [Int32] = [8, 45]
  func value(_ file: FileNode) -> String { file.descriptor.options.rubyPackage }
}
