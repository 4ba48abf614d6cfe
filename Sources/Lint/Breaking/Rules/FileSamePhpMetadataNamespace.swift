/// The file option php_metadata_namespace does not change.
struct FileSamePhpMetadataNamespace: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_PHP_METADATA_NAMESPACE", purpose: "The file option php_metadata_namespace does not change.")
  static let valueName = #"option "php_metadata_namespace""#
  static let valuePath: [Int32] = [8, 44]
  func value(_ file: FileNode) -> String { file.descriptor.options.phpMetadataNamespace }
}
