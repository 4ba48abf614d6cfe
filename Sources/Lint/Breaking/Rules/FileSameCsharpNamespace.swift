/// The file option csharp_namespace does not change.
struct FileSameCsharpNamespace: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_CSHARP_NAMESPACE", purpose: "The file option csharp_namespace does not change.")
  static let valueName = #"option "csharp_namespace""#
  static let valuePath: [Int32] = [8, 37]
  func value(_ file: FileNode) -> String { file.descriptor.options.csharpNamespace }
}
