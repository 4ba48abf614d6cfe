/// protoc's diagnostic lines as sebuf words them: the one message sebuf words differently
/// on purpose is the unused-import warning, which quotes the path as buf does
/// (`Import "a.proto" is unused.` for protoc's `Import a.proto is unused.`).
public enum ProtocLines {
  public static func quotingUnusedImport(_ line: String) -> String {
    guard let r = line.range(of: "Import "), line.hasSuffix(" is unused.") else { return line }
    let path = line[r.upperBound..<line.index(line.endIndex, offsetBy: -11)]
    if path.hasPrefix("\"") { return line }
    return line[..<r.upperBound] + "\"\(path)\" is unused."
  }
}
