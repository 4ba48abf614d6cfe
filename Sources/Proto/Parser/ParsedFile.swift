import Diagnostics
import SwiftProtobuf

/// One parsed `.proto` file, before linking.
public struct ParsedFile: Sendable {
  /// As protoc's Parser emits it before DescriptorBuilder: name = import path, package,
  /// dependency (+ public_dependency / weak_dependency indexes), messages/enums/services/
  /// extensions in source order, options ONLY as `uninterpreted_option` entries (never
  /// interpreted), field `type` set for scalar types and TYPE_GROUP, left UNSET for named
  /// types (type_name = the name exactly as written, e.g. "Foo.Bar" or ".a.b.C"),
  /// default_value as protoc's parser stores it, no json_name (the linker fills it unless
  /// the user wrote json_name = "..." which the parser stores, as protoc does),
  /// map fields -> synthesized nested *Entry message (with map_entry option set the way
  /// protoc's parser does it), groups -> nested message + TYPE_GROUP field,
  /// proto3 `optional` -> proto3_optional = true + synthetic oneof `_name` appended as protoc
  /// does, syntax = "proto3" set only when declared (proto2 leaves it unset, like protoc),
  /// extension ranges, reserved ranges (max -> 536870912 exclusive end for messages,
  /// 2147483647 inclusive for enums) and reserved names.
  public var descriptor: Google_Protobuf_FileDescriptorProto  // includes sourceCodeInfo
  /// Path shown to users in diagnostics (relative to the workspace), e.g. proto/a/b.proto.
  public var displayPath: String
  /// For converting byte offsets to line:col.
  public var lineTable: LineTable

  public init(
    descriptor: Google_Protobuf_FileDescriptorProto, displayPath: String, lineTable: LineTable
  ) {
    self.descriptor = descriptor
    self.displayPath = displayPath
    self.lineTable = lineTable
  }
}

/// Parses one `.proto` file into the descriptor protoc's parser would build (see
/// ``ParsedFile``), with its SourceCodeInfo, plus the errors protoc would report.
/// Pure and thread-safe; never traps and always terminates, whatever the bytes.
public func parseProto(_ bytes: [UInt8], importPath: String, displayPath: String) -> (
  ParsedFile, [Diagnostic]
) {
  // Tokens store 32-bit offsets.
  if bytes.count >= Int(Int32.max) {
    var file = Google_Protobuf_FileDescriptorProto()
    file.name = importPath
    let parsed = ParsedFile(descriptor: file, displayPath: displayPath, lineTable: LineTable([]))
    return (parsed, [.error("file is too large to compile (2 GiB or more)", rule: "COMPILE", at: .file(displayPath))])
  }
  return bytes.withUnsafeBufferPointer { p in
    let lexed = Lexer.lex(p)
    var parser = ProtoParser(p, lexed, displayPath: displayPath)
    var file = parser.parseFile()
    file.name = importPath
    let parsed = ParsedFile(descriptor: file, displayPath: displayPath, lineTable: LineTable(p))
    return (parsed, parser.finishDiagnostics())
  }
}
