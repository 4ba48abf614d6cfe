/// A position in a source file: a UTF-8 byte offset plus its 1-based line and column.
///
/// Producers that have the file's bytes (the lexer) fill all three from a ``LineTable``;
/// producers that only know line and column (YAML marks) leave `offset` at -1.
public struct SourcePosition: Hashable, Sendable, Comparable {
  /// UTF-8 byte offset from the start of the file, or -1 when unknown.
  public var offset: Int
  /// 1-based line.
  public var line: Int
  /// 1-based column.
  public var column: Int

  public init(offset: Int = -1, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
}

/// A range of a file. `file` is the path as shown to users: relative to the workspace.
public struct Span: Hashable, Sendable {
  public var file: String
  public var start: SourcePosition
  public var end: SourcePosition

  public init(file: String, start: SourcePosition, end: SourcePosition) {
    self.file = file
    self.start = start
    self.end = end
  }

  /// A span that knows its file only (no position).
  public static func file(_ path: String) -> Span {
    Span(file: path, start: SourcePosition(line: 0, column: 0), end: SourcePosition(line: 0, column: 0))
  }

  /// Whether a line is known; `Span.file(_:)` has none.
  public var hasPosition: Bool { start.line > 0 }

  /// buf's name for a finding with no file (an element of a deleted file): text, msvs and
  /// JUnit print it, JSON omits `path` and GitHub Actions omits the position, as buf does.
  public static let inputFile = "<input>"

  /// A span at `<input>` line 1 column 1, where buf places findings that have no file.
  public static let input = Span(
    file: inputFile, start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))

  /// Whether this is buf's file-less `<input>` place.
  public var isInput: Bool { file == Span.inputFile }
}

/// Maps byte offsets to 1-based line and column, built once per file.
///
/// Columns count bytes, except that a tab advances to the next multiple of 8
/// (as protoc's tokenizer counts them) when `tabWidth` is 8.
public struct LineTable: Sendable {
  /// Byte offset of the first byte of each line.
  public let lineStarts: [Int]

  @inlinable
  public init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    var starts = [0]
    var i = 0
    for b in bytes {
      i += 1
      if b == UInt8(ascii: "\n") { starts.append(i) }
    }
    lineStarts = starts
  }

  /// 0-based line index containing `offset`.
  public func lineIndex(of offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// The position of `offset`, with a byte-counted 1-based column.
  public func position(of offset: Int) -> SourcePosition {
    let line = lineIndex(of: offset)
    return SourcePosition(offset: offset, line: line + 1, column: offset - lineStarts[line] + 1)
  }
}
