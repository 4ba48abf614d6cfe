/// The file option objc_class_prefix does not change.
struct FileSameObjcClassPrefix: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_OBJC_CLASS_PREFIX", purpose: "The file option objc_class_prefix does not change.")
  static let valueName = #"option "objc_class_prefix""#
  static let valuePath: [Int32] = [8, 36]
  func value(_ file: FileNode) -> String { file.descriptor.options.objcClassPrefix }
}
