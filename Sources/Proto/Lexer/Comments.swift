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
/// - nothing is leading for a closing `}` / `]` / `)` or the end of file;
/// - (protoc 36) a block comment right after the previous token is its trailing comment
///   even when more follows on that line, but a lone comment that ends on the next
///   token's line (or sits between two tokens of one line) is detached instead.
enum CommentScanner {
  static func collect(
    _ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, atStart: Bool, nextClosesScope: Bool, nextIsEnd: Bool = false
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

    /// Whether p[a..<b] holds no newline (both ends on one line).
    func sameLine(_ a: Int, _ b: Int) -> Bool {
      var k = a
      while k < b {
        if p[k] == 10 { return false }
        k += 1
      }
      return true
    }
    // Where a trailing block comment ended (protoc's `trailing_comment_end_line`).
    var trailingEnd: Int?

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
        trailingEnd = s.i
        skipSpaces()
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
          if !atStart && !nextIsEnd && (sameLine(from, to) || trailingEnd.map { sameLine($0, to) } == true) {
            c.maybeDetach()
          }
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
  var count = 0

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
    count += 1
  }

  /// protoc 36's `MaybeDetachComment`: a single comment (trailing or pending) goes to
  /// the detached comments.
  mutating func maybeDetach() {
    guard count + (hasComment ? 1 : 0) == 1 else { return }
    if hasTrailing {
      detached.insert(String(decoding: trailing, as: UTF8.self), at: 0)
      trailing = []
    }
    flush()
  }

  func finish() -> CommentGroup {
    var g = CommentGroup()
    if hasTrailing { g.trailing = String(decoding: trailing, as: UTF8.self) }
    g.detached = detached
    if hasComment { g.leading = String(decoding: buffer, as: UTF8.self) }
    return g
  }
}
