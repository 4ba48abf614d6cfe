// TEMPORARY: the parser helper's seam, until Sources/Proto/Parser lands on main.
// Delete this file when merging main brings the real `ParsedFile` and `parseProto`.
import Diagnostics
import SwiftProtobuf

public struct ParsedFile: Sendable {
  public var descriptor: Google_Protobuf_FileDescriptorProto
  public var displayPath: String
  public var lineTable: LineTable
}

public func parseProto(_ bytes: [UInt8], importPath: String, displayPath: String) -> (ParsedFile, [Diagnostic]) {
  var d = Google_Protobuf_FileDescriptorProto()
  d.name = importPath
  return (ParsedFile(descriptor: d, displayPath: displayPath, lineTable: LineTable(bytes)), [])
}
