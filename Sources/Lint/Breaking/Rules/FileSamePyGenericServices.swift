/// The file option py_generic_services does not change.
struct FileSamePyGenericServices: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_PY_GENERIC_SERVICES", purpose: "The file option py_generic_services does not change.")
  static let valueName = #"option "py_generic_services""#
  static let valuePath: [Int32] = [8, 18]
  func value(_ file: FileNode) -> String { file.descriptor.options.pyGenericServices.text }
}
