/// The file option java_multiple_files does not change.
struct FileSameJavaMultipleFiles: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_JAVA_MULTIPLE_FILES", purpose: "The file option java_multiple_files does not change.")
  static let valueName = #"option "java_multiple_files""#
  static let valuePath: [Int32] = [8, 10]
  func value(_ file: FileNode) -> String { file.descriptor.options.javaMultipleFiles.text }
}
