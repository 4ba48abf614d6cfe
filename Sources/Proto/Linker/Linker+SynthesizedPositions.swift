/// Where protoc reports errors about the fields of a map entry: the entry message and its
/// key and value fields are synthesized by the parser, so protoc's location lookup finds
/// nothing and prints the file alone (`a.proto: "Nope" is not defined.`).
extension FileLinker {
  /// An error about the type name of the field at `path` (not defined, not visible): at
  /// the type name, or without a position inside a map entry.
  func errorAtTypeName(_ message: String, at path: [Int32]) {
    if isInMapEntry(path) { errorWithoutPosition(message) } else { error(message, at: path) }
  }

  /// Whether `path` (a field's) lies inside a synthesized map entry message. Read from the
  /// infos of pass 1: the descriptor is being rewritten in place while names resolve.
  func isInMapEntry(_ path: [Int32]) -> Bool {
    guard path.count >= 4, path[0] == 4, path[1] >= 0, Int(path[1]) < topMessages.count else { return false }
    var m = topMessages[Int(path[1])]
    var i = 2
    while i + 1 < path.count, path[i] == 3, path[i + 1] >= 0, Int(path[i + 1]) < m.nested.count {
      m = m.nested[Int(path[i + 1])]
      if m.isMapEntry { return true }
      i += 2
    }
    return false
  }
}
