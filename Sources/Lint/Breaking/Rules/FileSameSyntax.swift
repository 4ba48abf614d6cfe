/// Files keep their syntax (proto2, proto3 or editions), which decides presence and defaults.
struct FileSameSyntax: FileValueRule {
  static let info = RuleInfo(id: "FILE_SAME_SYNTAX", purpose: "Files keep their syntax (proto2, proto3 or editions), which decides presence and defaults.")
  static let valueName = #"syntax"#
  static let valuePath: [Int32] = [12]
  func value(_ file: FileNode) -> String { file.syntax.rawValue }
}
