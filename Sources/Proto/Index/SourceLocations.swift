import Diagnostics
import SwiftProtobuf

/// The `SourceCodeInfo` of one file, indexed by path: locations, spans (1-based, in the
/// file's display path) and comments of any element. The one place that turns a
/// SourceCodeInfo location into a ``Span``; the compiler, lint, breaking and the backends
/// all go through it (usually via ``DescriptorIndex``).
public struct SourceLocations: Sendable {
  public let displayPath: String
  private let byPath: [[Int32]: Google_Protobuf_SourceCodeInfo.Location]

  public init(_ file: ImageFile) {
    self.init(file.descriptor.sourceCodeInfo, displayPath: file.displayPath)
  }

  /// Indexes `info`; when a path is recorded twice the first one wins (as protoc and buf).
  public init(_ info: Google_Protobuf_SourceCodeInfo, displayPath: String) {
    self.displayPath = displayPath
    var m: [[Int32]: Google_Protobuf_SourceCodeInfo.Location] = [:]
    m.reserveCapacity(info.location.count)
    for loc in info.location where m[loc.path] == nil {
      m[loc.path] = loc
    }
    byPath = m
  }

  /// Whether the file carries any source info.
  public var isEmpty: Bool { byPath.isEmpty }

  public func location(_ path: [Int32]) -> Google_Protobuf_SourceCodeInfo.Location? { byPath[path] }

  /// The span of the element at `path`, or nil when the file has no location for it.
  public func span(_ path: [Int32]) -> Span? {
    byPath[path].flatMap { Self.span($0, file: displayPath) }
  }

  /// A location's span in `file`: SourceCodeInfo's `[startLine, startColumn, endLine,
  /// endColumn]` (or three numbers when it ends on its start line), 0-based, as 1-based
  /// positions. nil for a malformed span.
  public static func span(_ loc: Google_Protobuf_SourceCodeInfo.Location, file: String) -> Span? {
    let s = loc.span
    guard s.count >= 3 else { return nil }
    let startLine = Int(s[0]) + 1
    let startColumn = Int(s[1]) + 1
    let endLine = s.count == 4 ? Int(s[2]) + 1 : startLine
    let endColumn = Int(s.count == 4 ? s[3] : s[2]) + 1
    return Span(
      file: file, start: SourcePosition(line: startLine, column: startColumn),
      end: SourcePosition(line: endLine, column: endColumn))
  }

  /// Leading comments of the element at `path` ("" if none).
  public func leadingComments(_ path: [Int32]) -> String { byPath[path]?.leadingComments ?? "" }

  /// Trailing comments of the element at `path` ("" if none).
  public func trailingComments(_ path: [Int32]) -> String { byPath[path]?.trailingComments ?? "" }
}
