import SwiftProtobuf

// The FILE_SAME_* option rules differ only in which option they read.

/// A rule that a file-level value (an option, the package, the syntax) must not change.
protocol FileValueRule: FilePairRule {
  /// How the message names the value: `option "go_package"`, `package`, `syntax`.
  static var valueName: String { get }
  /// Source path of the value inside the file (`[8, 11]` for go_package).
  static var valuePath: [Int32] { get }
  func value(_ file: FileNode) -> String
}

extension FileValueRule {
  func check(_ file: FileNode, _ previous: FileNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = value(previous)
    let after = value(file)
    guard before != after else { return }
    out.add(
      "File \(Self.valueName) changed from \(quoted(before)) to \(quoted(after)).",
      at: file.location(Self.valuePath), against: previous.location(Self.valuePath), file: file)
  }
}

extension Bool {
  /// Go's strconv.FormatBool.
  var text: String { self ? "true" : "false" }
}

extension Google_Protobuf_FileOptions.OptimizeMode {
  var name: String {
    switch self {
    case .speed: "SPEED"
    case .codeSize: "CODE_SIZE"
    case .liteRuntime: "LITE_RUNTIME"
    }
  }
}
