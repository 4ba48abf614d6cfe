/// The file option java_outer_classname does not change.
struct FileSameJavaOuterClassname: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_JAVA_OUTER_CLASSNAME", purpose: "The file option java_outer_classname does not change.")
  static let valueName = #"option "java_outer_classname""#
  static let valuePath: [Int32] = [8, 8]
  func value(_ file: FileNode) -> String { file.descriptor.options.javaOuterClassname }
}
