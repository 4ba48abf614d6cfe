import Proto

/// What the formatter sees of a file: the compiler's tokens (Proto's `Lexer`) with the
/// bytes between them split into trivia the way buf's formatter (protocompile's
/// experimental lexer) splits them: a run of spaces, one token per newline, and comments
/// (a line comment without its newline). Adjacent string literals and bracket pairs
/// are "fused": `match[i]` is the index of the token closing the one opened at `i`.
struct FormatTokens {
  enum Kind: UInt8 {
    case space, newline, lineComment, blockComment
    case identifier, number, string, symbol
  }

  let bytes: [UInt8]
  var kinds: [Kind] = []
  var starts: [Int32] = []
  var ends: [Int32] = []
  /// 0-based line of each token's start (for "was the source flat" questions).
  var lines: [Int32] = []
  /// 0-based column of each non-trivia token (protoc's count), for error positions.
  var columns: [Int32] = []
  /// For an opening bracket or the first string of a run: the index of its partner; else -1.
  var match: [Int32] = []

  var count: Int { kinds.count }

  @inline(__always) func isSkippable(_ i: Int) -> Bool { kinds[i].rawValue <= Kind.blockComment.rawValue }
  @inline(__always) func isComment(_ i: Int) -> Bool { kinds[i] == .lineComment || kinds[i] == .blockComment }
  @inline(__always) func isFused(_ i: Int) -> Bool { match[i] >= 0 }

  func text(_ i: Int) -> String {
    String(decoding: bytes[Int(starts[i])..<Int(ends[i])], as: UTF8.self)
  }

  /// The first byte of a token (its bracket or symbol), or 0.
  @inline(__always) func byte(_ i: Int) -> UInt8 {
    starts[i] < ends[i] ? bytes[Int(starts[i])] : 0
  }

  func isSymbol(_ i: Int, _ c: Character) -> Bool {
    kinds[i] == .symbol && byte(i) == c.asciiValue!
  }

  func isWord(_ i: Int, _ w: String) -> Bool {
    kinds[i] == .identifier && text(i) == w
  }

  /// The deepest bracket nesting buf's formatter walks before we refuse the file. The
  /// formatter's walks recurse per bracket level, so the depth is bounded here, as the
  /// parser bounds message nesting.
  static let maxNesting = protoMaxNesting

  enum BuildError: Error {
    case tooDeep(line: Int32, column: Int32)
    case hashComment(line: Int32, column: Int32)
    case unbalanced(line: Int32, column: Int32)
  }

  /// Builds the token list. `lexed` must come from a file that parsed without errors,
  /// so brackets balance.
  init(bytes: [UInt8]) throws {
    self.bytes = bytes
    let lexed = Lexer.lex(bytes)
    var pos = lexed.contentStart
    var line: Int32 = 0
    func addTrivia(upTo end: Int) {
      var i = pos
      while i < end {
        let b = bytes[i]
        if b == 10 {
          append(.newline, i, i + 1, line)
          line += 1
          i += 1
        } else if b == UInt8(ascii: "/") && i + 1 < end && bytes[i + 1] == UInt8(ascii: "/") {
          var j = i + 2
          while j < end && bytes[j] != 10 { j += 1 }
          append(.lineComment, i, j, line)
          i = j
        } else if b == UInt8(ascii: "/") && i + 1 < end && bytes[i + 1] == UInt8(ascii: "*") {
          var j = i + 2
          let startLine = line
          while j < end && !(bytes[j] == UInt8(ascii: "*") && j + 1 < end && bytes[j + 1] == UInt8(ascii: "/")) {
            if bytes[j] == 10 { line += 1 }
            j += 1
          }
          j = min(end, j + 2)
          append(.blockComment, i, j, startLine)
          i = j
        } else {
          var j = i
          while j < end && bytes[j] != 10
            && !(bytes[j] == UInt8(ascii: "/") && j + 1 < end
              && (bytes[j + 1] == UInt8(ascii: "/") || bytes[j + 1] == UInt8(ascii: "*")))
          {
            j += 1
          }
          if j == i { j += 1 }  // a lone byte the lexer skipped; keep it as space
          append(.space, i, j, line)
          i = j
        }
      }
    }
    for t in lexed.tokens where t.kind != .start && t.kind != .end {
      addTrivia(upTo: Int(t.start))
      let kind: Kind =
        switch t.kind {
        case .identifier: .identifier
        case .integer, .float: .number
        case .string: .string
        default: .symbol
        }
      line = t.line
      append(kind, Int(t.start), Int(t.end), t.line, column: t.column)
      pos = Int(t.end)
    }
    addTrivia(upTo: bytes.count)
    try fuse()
  }

  private mutating func append(_ k: Kind, _ s: Int, _ e: Int, _ line: Int32, column: Int32 = 0) {
    kinds.append(k)
    columns.append(column)
    starts.append(Int32(s))
    ends.append(Int32(e))
    lines.append(line)
    match.append(-1)
  }

  /// Pairs brackets (iteratively, with a stack) and fuses runs of adjacent strings.
  private mutating func fuse() throws {
    var stack: [Int] = []
    var i = 0
    var lastString = -1  // first string of the current run
    var runEnd = -1
    func closeRun(_ m: inout [Int32]) {
      if lastString >= 0 && runEnd > lastString { m[lastString] = Int32(runEnd) }
      lastString = -1
      runEnd = -1
    }
    while i < count {
      let k = kinds[i]
      if k == .string {
        if lastString < 0 { lastString = i }
        runEnd = i
      } else if !isSkippable(i) {
        closeRun(&match)
        if k == .symbol {
          switch byte(i) {
          case UInt8(ascii: "#"):
            // Only legal inside an option's text-format value, where it starts a comment
            // that buf's formatter does not know (it turns the words into fields).
            throw BuildError.hashComment(line: lines[i], column: columns[i])
          case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "<"):
            if stack.count >= Self.maxNesting {
              throw BuildError.tooDeep(line: lines[i], column: columns[i])
            }
            stack.append(i)
          case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ">"):
            // Only an option's text-format value can hold unbalanced brackets (the parser
            // balances braces alone); such a value is not valid text format.
            let want: UInt8 =
              switch byte(i) {
              case UInt8(ascii: ")"): UInt8(ascii: "(")
              case UInt8(ascii: "]"): UInt8(ascii: "[")
              case UInt8(ascii: "}"): UInt8(ascii: "{")
              default: UInt8(ascii: "<")
              }
            guard let open = stack.popLast(), byte(open) == want else {
              throw BuildError.unbalanced(line: lines[i], column: columns[i])
            }
            match[open] = Int32(i)
          default: break
          }
        }
      }
      i += 1
    }
    closeRun(&match)
    if let open = stack.last { throw BuildError.unbalanced(line: lines[open], column: columns[open]) }
  }

  /// The items of a scope: indices in `[start, end)` with each fused run as one item.
  func items(_ start: Int, _ end: Int) -> [Int] {
    var out: [Int] = []
    var i = start
    while i < end {
      out.append(i)
      i = match[i] >= 0 ? Int(match[i]) + 1 : i + 1
    }
    return out
  }
}
