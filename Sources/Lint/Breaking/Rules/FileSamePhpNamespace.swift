/// The file option php_namespace does not change.
struct FileSamePhpNamespace: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_PHP_NAMESPACE", purpose: "The file option php_namespace does not change.")
  static let valueName = #"option "php_namespace""#
  static let valuePath: [Int32] = [8, 41]
  func value(_ file: FileNode) -> String { file.descriptor.options.phpNamespace }
}
