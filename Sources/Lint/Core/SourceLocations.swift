import Diagnostics
import Proto
import SwiftProtobuf

/// The `SourceCodeInfo` of one file, indexed by path: spans (1-based, in the file's
/// display path) and leading comments for any element. Built once per file per run.
public struct SourceLocations: Sendable {
  public let displayPath: String
  private let byPath: [[Int32]: Google_Protobuf_SourceCodeInfo.Location]

  public init(_ file: ImageFile) {
    displayPath = file.displayPath
    var m: [[Int32]: Google_Protobuf_SourceCodeInfo.Location] = [:]
    m.reserveCapacity(file.descriptor.sourceCodeInfo.location.count)
    for loc in file.descriptor.sourceCodeInfo.location where m[loc.path] == nil {
      m[loc.path] = loc
    }
    byPath = m
  }

  /// Whether the file carries any source info.
  public var isEmpty: Bool { byPath.isEmpty }

  public func location(_ path: [Int32]) -> Google_Protobuf_SourceCodeInfo.Location? { byPath[path] }

  /// The span of the element at `path`, or nil when the file has no location for it.
  public func span(_ path: [Int32]) -> Span? {
    guard let loc = byPath[path], loc.span.count >= 3 else { return nil }
    let s = loc.span
    let startLine = Int(s[0]) + 1
    let startCol = Int(s[1]) + 1
    let endLine = s.count == 4 ? Int(s[2]) + 1 : startLine
    let endCol = Int(s.count == 4 ? s[3] : s[2]) + 1
    return Span(
      file: displayPath, start: SourcePosition(line: startLine, column: startCol),
      end: SourcePosition(line: endLine, column: endCol))
  }

  /// Leading comments of the element at `path` ("" if none).
  public func leadingComments(_ path: [Int32]) -> String { byPath[path]?.leadingComments ?? "" }
}
