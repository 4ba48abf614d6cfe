/// The file option java_package does not change.
struct FileSameJavaPackage: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_JAVA_PACKAGE", purpose: "The file option java_package does not change.")
  static let valueName = #"option "java_package""#
  static let valuePath: [Int32] = [8, 1]
  func value(_ file: FileNode) -> String { file.descriptor.options.javaPackage }
}
