/// The file option java_generic_services does not change.
struct FileSameJavaGenericServices: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_JAVA_GENERIC_SERVICES", purpose: "The file option java_generic_services does not change.")
  static let valueName = #"option "java_generic_services""#
  static let valuePath: [Int32] = [8, 17]
  func value(_ file: FileNode) -> String { file.descriptor.options.javaGenericServices.text }
}
