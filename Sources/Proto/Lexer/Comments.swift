/// The comments around one declaration boundary, as protoc's `NextWithComments` splits them.
struct CommentGroup {
  /// Comment on the same line as (or the line after) the previous token.
  var trailing: String = ""
  /// Comment blocks separated from both neighbours by blank lines.
  var detached: [String] = []
  /// The block directly above the next token.
  var leading: String = ""
}

/// Reads the comments in the gap between two tokens, attributing them exactly as
/// protoc's `Tokenizer::NextWithComments` + `CommentCollector` do:
/// - a comment starting on the previous token's line (or the line after, when
///   nothing else separates them) is that token's trailing comment;
/// - the last block before the next token, not separated by a blank line, is leading;
/// - everything else is detached;
/// - nothing is leading for a closing `}` / `]` / `)` or the end of file.
enum CommentScanner {
  static func collect(
    _ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, atStart: Bool, nextClosesScope: Bool
  ) -> CommentGroup {
    // Fast path: no comment in the gap.
    var k = from
    var sawSlash = false
    while k < to {
      if p[k] == UInt8(ascii: "/") {
        sawSlash = true
        break
      }
      k += 1
    }
    if !sawSlash { return CommentGroup() }

    var s = Scanner(p)
    s.i = from
    var c = Collector()

    @inline(__always) func skipSpaces() {
      while s.i < to && CharClass.isWhitespaceNoNewline(p[s.i]) { s.i += 1 }
    }
    /// 1 = line comment, 2 = block comment, 0 = none; consumes the opener.
    @inline(__always) func commentStart() -> Int {
      guard s.i < to, s.i + 1 < p.count, p[s.i] == UInt8(ascii: "/") else { return 0 }
      if p[s.i + 1] == UInt8(ascii: "/") {
        s.i += 2
        return 1
      }
      if p[s.i + 1] == UInt8(ascii: "*") {
        s.i += 2
        return 2
      }
      return 0
    }
    func readLine(into buf: inout [UInt8]) {
      let start = s.i
      while s.i < p.count && p[s.i] != 10 && p[s.i] != 0 { s.i += 1 }
      if s.i < p.count && p[s.i] == 10 { s.i += 1 }
      buf.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<s.i]))
    }
    func readBlock(into buf: inout [UInt8]) {
      withUnsafeMutablePointer(to: &buf) { s.scanBlockComment(reportErrors: false, into: $0) }
    }

    if atStart {
      c.canAttachToPrev = false
    } else {
      skipSpaces()
      switch commentStart() {
      case 1:
        c.startLine()
        readLine(into: &c.buffer)
        c.flush()
      case 2:
        c.startBlock()
        readBlock(into: &c.buffer)
        skipSpaces()
        if !(s.i < to && p[s.i] == 10) {
          // The next token is on the same line: nobody gets this comment.
          return CommentGroup()
        }
        s.i += 1
        c.flush()
      default:
        if !(s.i < to && p[s.i] == 10) { return CommentGroup() }
        s.i += 1
      }
    }

    while true {
      skipSpaces()
      switch commentStart() {
      case 1:
        c.startLine()
        readLine(into: &c.buffer)
      case 2:
        c.startBlock()
        readBlock(into: &c.buffer)
        skipSpaces()
        if s.i < to && p[s.i] == 10 { s.i += 1 }
      default:
        if s.i < to && p[s.i] == 10 {
          s.i += 1
          c.flush()
          c.canAttachToPrev = false
        } else {
          // Reached the next token (or the end, or bytes protoc skips as errors).
          if nextClosesScope { c.flush() }
          return c.finish()
        }
      }
    }
  }
}

/// protoc's CommentCollector: buffers the latest comment until its owner is known.
private struct Collector {
  var buffer: [UInt8] = []
  var hasComment = false
  var isLine = false
  var canAttachToPrev = true
  var trailing: [UInt8] = []
  var hasTrailing = false
  var detached: [String] = []

  mutating func startLine() {
    if hasComment && !isLine { flush() }
    hasComment = true
    isLine = true
  }

  mutating func startBlock() {
    if hasComment { flush() }
    hasComment = true
    isLine = false
  }

  mutating func flush() {
    guard hasComment else { return }
    if canAttachToPrev {
      trailing.append(contentsOf: buffer)
      hasTrailing = true
      canAttachToPrev = false
    } else {
      detached.append(String(decoding: buffer, as: UTF8.self))
    }
    buffer.removeAll(keepingCapacity: true)
    hasComment = false
  }

  func finish() -> CommentGroup {
    var g = CommentGroup()
    if hasTrailing { g.trailing = String(decoding: trailing, as: UTF8.self) }
    g.detached = detached
    if hasComment { g.leading = String(decoding: buffer, as: UTF8.self) }
    return g
  }
}
