/// The file option php_class_prefix does not change.
struct FileSamePhpClassPrefix: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_PHP_CLASS_PREFIX", purpose: "The file option php_class_prefix does not change.")
  static let valueName = #"option "php_class_prefix""#
  static let valuePath: [Int32] = [8, 40]
  func value(_ file: FileNode) -> String { file.descriptor.options.phpClassPrefix }
}
