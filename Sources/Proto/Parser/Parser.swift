import Diagnostics
import SwiftProtobuf

typealias FileProto = Google_Protobuf_FileDescriptorProto
typealias MessageProto = Google_Protobuf_DescriptorProto
typealias FieldProto = Google_Protobuf_FieldDescriptorProto
typealias EnumProto = Google_Protobuf_EnumDescriptorProto
typealias EnumValueProto = Google_Protobuf_EnumValueDescriptorProto
typealias ServiceProto = Google_Protobuf_ServiceDescriptorProto
typealias MethodProto = Google_Protobuf_MethodDescriptorProto
typealias OneofProto = Google_Protobuf_OneofDescriptorProto
typealias Uninterpreted = Google_Protobuf_UninterpretedOption
typealias SourceLocation = Google_Protobuf_SourceCodeInfo.Location

/// One SourceCodeInfo location while parsing: its path is a slice of the parser's
/// `paths` pool, its span up to four numbers (protoc's `[line, col, (line,) col]`).
struct LocationRecord {
  var pathStart: Int32
  var pathCount: Int32
  var span: (Int32, Int32, Int32, Int32)
  var spanCount: Int8 = 2
  var comments: Int32 = -1

  init(pathStart: Int32, pathCount: Int32, line: Int32, column: Int32) {
    self.pathStart = pathStart
    self.pathCount = pathCount
    self.span = (line, column, 0, 0)
  }
}

/// The deepest nesting the compiler accepts; tools walking the same syntax (the formatter)
/// bound their own walks by it.
public let protoMaxNesting = ProtoParser.maxNesting

/// A recursive-descent parser mirroring protoc 36.2's `compiler::Parser` statement by
/// statement, so that descriptors, SourceCodeInfo (locations, their order, spans and
/// comments) and errors come out the same. Each `parse…` returns false where protoc's
/// returns false (the caller then skips the statement, as protoc does).
///
/// A "location" (`Loc`) is an index into `records`: created when protoc's
/// `LocationRecorder` is constructed and ended (`end`) where it is destroyed.
struct ProtoParser {
  typealias Loc = Int

  let p: UnsafeBufferPointer<UInt8>
  let tokens: [Token]
  let lexErrors: [LexError]
  let contentStart: Int
  let badByteOrderMark: Bool
  let displayPath: String

  /// Index of the current token; may reach `tokens.count` (past the end token).
  var pos = 0
  var furthest = 0
  /// Depth of message blocks being parsed (bounded by `maxNesting`).
  var nesting = 0
  static let maxNesting = 100
  /// Locations in creation order; their paths live in `paths`.
  var records: [LocationRecord] = []
  var paths: [Int32] = []
  var comments: [CommentGroup] = []
  var diagnostics: [Diagnostic] = []
  var syntax = ""
  /// protoc's `edition_`: the declared edition of an editions file, else UNKNOWN.
  var edition = Google_Protobuf_Edition.unknown
  var upcomingDocComments = ""
  var upcomingDetachedComments: [String] = []

  static let startToken = Token(kind: .start, start: 0, end: 0, line: 0, column: 0, endColumn: 0)

  init(_ p: UnsafeBufferPointer<UInt8>, _ lexed: LexedFile, displayPath: String) {
    self.p = p
    self.tokens = lexed.tokens
    self.lexErrors = lexed.errors
    self.contentStart = lexed.contentStart
    self.badByteOrderMark = lexed.badByteOrderMark
    self.displayPath = displayPath
    records.reserveCapacity(tokens.count / 2 + 4)
    paths.reserveCapacity(tokens.count * 2 + 8)
  }

  // MARK: - Tokens

  @inline(__always) var cur: Token { pos < tokens.count ? tokens[pos] : tokens[tokens.count - 1] }
  @inline(__always) var previous: Token {
    if pos == 0 { return Self.startToken }
    return pos - 1 < tokens.count ? tokens[pos - 1] : tokens[tokens.count - 1]
  }
  @inline(__always) var atEnd: Bool { cur.kind == .end }
  @inline(__always) func looking(at k: Keyword) -> Bool { cur.keyword == k }
  @inline(__always) func looking(atKind k: TokenKind) -> Bool { cur.kind == k }

  @inline(__always) mutating func next() {
    if pos < tokens.count { pos += 1 }
    if pos > furthest { furthest = pos }
  }

  @inline(__always) mutating func tryConsume(_ k: Keyword) -> Bool {
    if cur.keyword == k {
      next()
      return true
    }
    return false
  }

  mutating func consume(_ k: Keyword, _ error: String) -> Bool {
    if tryConsume(k) { return true }
    addError(error)
    return false
  }

  mutating func consume(_ k: Keyword) -> Bool {
    consume(k, "Expected \"\(Self.text(of: k))\".")
  }

  mutating func text(_ t: Token) -> String {
    let s = Int(t.start)
    let e = Int(t.end)
    return String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self)
  }

  mutating func consumeIdentifier(_ error: String) -> String? {
    if cur.kind == .identifier {
      let s = text(cur)
      next()
      return s
    }
    addError(error)
    return nil
  }

  /// protoc's `ConsumeInteger`: an int32-range integer (0 after "Integer out of range.").
  mutating func consumeInteger(_ error: String) -> Int32? {
    if cur.kind == .integer {
      let t = cur
      let v = Literals.parseInteger(p, Int(t.start), Int(t.end), max: UInt64(Int32.max))
      if v == nil { addError("Integer out of range.") }
      next()
      return Int32(truncatingIfNeeded: v ?? 0)
    }
    addError(error)
    return nil
  }

  mutating func consumeInteger64(max: UInt64, _ error: String) -> UInt64? {
    if cur.kind == .integer {
      let t = cur
      let v = Literals.parseInteger(p, Int(t.start), Int(t.end), max: max)
      if v == nil { addError("Integer out of range.") }
      next()
      return v ?? 0
    }
    addError(error)
    return nil
  }

  mutating func consumeSignedInteger(_ error: String) -> Int32? {
    var negative = false
    var max = UInt64(Int32.max)
    if tryConsume(.minus) {
      negative = true
      max += 1
    }
    guard let v = consumeInteger64(max: max, error) else { return nil }
    return negative ? Int32(truncatingIfNeeded: 0 &- v) : Int32(truncatingIfNeeded: v)
  }

  mutating func consumeNumber(_ error: String) -> Double? {
    let t = cur
    if t.kind == .float {
      next()
      return Literals.parseFloat(p, Int(t.start), Int(t.end))
    }
    if t.kind == .integer {
      var d: Double = 0
      if let v = Literals.parseInteger(p, Int(t.start), Int(t.end), max: UInt64.max) {
        d = Double(v)
      } else if p[Int(t.start)] == UInt8(ascii: "0") {
        // Octal or hexadecimal: protoc 36 does not read these as floats.
        addError("Integer out of range.")
      } else {
        // A decimal too large for uint64 is read as a double, as protoc 36 does.
        d = Literals.parseFloat(p, Int(t.start), Int(t.end))
      }
      next()
      return d
    }
    if t.keyword == .inf {
      next()
      return .infinity
    }
    if t.keyword == .nan {
      next()
      return .nan
    }
    addError(error)
    return nil
  }

  /// protoc's `ConsumeString`: one or more adjacent string literals, concatenated.
  mutating func consumeStringBytes(_ error: String) -> [UInt8]? {
    guard cur.kind == .string else {
      addError(error)
      return nil
    }
    var out: [UInt8] = []
    while cur.kind == .string {
      Literals.appendString(p, Int(cur.start), Int(cur.end), to: &out)
      next()
    }
    return out
  }

  mutating func consumeString(_ error: String) -> String? {
    // Fast path: one literal without escapes is its bytes between the quotes.
    let t = cur
    if t.kind == .string {
      let s = Int(t.start)
      let e = Int(t.end)
      let next = pos + 1 < tokens.count ? tokens[pos + 1].kind : .end
      if e - s >= 2 && p[e - 1] == p[s] && next != .string {
        var plain = true
        for k in (s + 1)..<(e - 1) where p[k] == UInt8(ascii: "\\") {
          plain = false
          break
        }
        if plain {
          self.next()
          return String(decoding: UnsafeBufferPointer(rebasing: p[(s + 1)..<(e - 1)]), as: UTF8.self)
        }
      }
    }
    return consumeStringBytes(error).map { String(decoding: $0, as: UTF8.self) }
  }

  // MARK: - Comments and declaration ends

  /// Advances past the current token, collecting the comments that follow it.
  mutating func nextWithComments() -> CommentGroup {
    if pos >= tokens.count - 1 {
      next()
      return CommentGroup()
    }
    let t = tokens[pos]
    let n = tokens[pos + 1]
    let g = CommentScanner.collect(
      p, from: Int(t.end), to: Int(n.start), atStart: false,
      nextClosesScope: n.kind == .end || n.closesScope, nextIsEnd: n.kind == .end)
    next()
    return g
  }

  /// Collects the comments before the first token (protoc's first `NextWithComments`).
  mutating func startComments() {
    let first = tokens[0]
    let g = CommentScanner.collect(
      p, from: contentStart, to: Int(first.start), atStart: true,
      nextClosesScope: first.kind == .end || first.closesScope)
    upcomingDetachedComments = g.detached
    upcomingDocComments = g.leading
  }

  mutating func tryConsumeEndOfDeclaration(_ k: Keyword, _ loc: Loc?) -> Bool {
    guard cur.keyword == k else { return false }
    var g = nextWithComments()
    swap(&g.leading, &upcomingDocComments)
    if let loc {
      swap(&upcomingDetachedComments, &g.detached)
      attachComments(loc, g)
    } else if k == .rBrace {
      upcomingDetachedComments = g.detached
    } else {
      upcomingDetachedComments.append(contentsOf: g.detached)
    }
    return true
  }

  mutating func consumeEndOfDeclaration(_ k: Keyword, _ loc: Loc?) -> Bool {
    if tryConsumeEndOfDeclaration(k, loc) { return true }
    addError("Expected \"\(Self.text(of: k))\".")
    return false
  }

  mutating func attachComments(_ loc: Loc, _ g: CommentGroup) {
    if g.leading.isEmpty && g.trailing.isEmpty && g.detached.isEmpty { return }
    records[loc].comments = Int32(comments.count)
    comments.append(g)
  }

  // MARK: - Errors

  mutating func addError(_ message: String) {
    addError(at: cur, message)
  }

  mutating func addError(at t: Token, _ message: String) {
    let start = SourcePosition(offset: Int(t.start), line: Int(t.line) + 1, column: Int(t.column) + 1)
    var endCol = t.endColumn
    if t.kind == .end || t.kind == .start { endCol = t.column }
    let end = SourcePosition(offset: Int(t.end), line: Int(t.line) + 1, column: Int(endCol) + 1)
    diagnostics.append(
      .error(message, rule: "COMPILE", at: Span(file: displayPath, start: start, end: end)))
  }

  /// Parser errors plus the lexer errors of every token the parser reached.
  mutating func finishDiagnostics() -> [Diagnostic] {
    var out = diagnostics
    for e in lexErrors where e.tokenIndex <= furthest {
      let pos = SourcePosition(offset: Int(e.offset), line: Int(e.line) + 1, column: Int(e.column) + 1)
      out.append(.error(e.message, rule: "COMPILE", at: Span(file: displayPath, start: pos, end: pos)))
    }
    return out
  }

  // MARK: - Locations (protoc's LocationRecorder)

  mutating func rootLocation() -> Loc {
    records.append(
      LocationRecord(pathStart: Int32(paths.count), pathCount: 0, line: cur.line, column: cur.column))
    return records.count - 1
  }

  /// A new location whose path is the parent's plus `extra` components.
  @inline(__always)
  private mutating func newLocation(_ parent: Loc, _ extra: Int) -> Int {
    let r = records[parent]
    let start = paths.count
    var k = Int(r.pathStart)
    let e = k + Int(r.pathCount)
    while k < e {
      paths.append(paths[k])
      k += 1
    }
    records.append(
      LocationRecord(
        pathStart: Int32(start), pathCount: r.pathCount + Int32(extra), line: cur.line,
        column: cur.column))
    return records.count - 1
  }

  mutating func location(_ parent: Loc) -> Loc {
    newLocation(parent, 0)
  }

  mutating func location(_ parent: Loc, _ a: Int) -> Loc {
    let l = newLocation(parent, 1)
    paths.append(Int32(truncatingIfNeeded: a))
    return l
  }

  mutating func location(_ parent: Loc, _ a: Int, _ b: Int) -> Loc {
    let l = newLocation(parent, 2)
    paths.append(Int32(truncatingIfNeeded: a))
    paths.append(Int32(truncatingIfNeeded: b))
    return l
  }

  mutating func addPath(_ loc: Loc, _ c: Int32) {
    let r = records[loc]
    if Int(r.pathStart + r.pathCount) != paths.count {
      // Not the newest path: move it to the end first (protoc's paths are independent).
      let start = paths.count
      for k in Int(r.pathStart)..<Int(r.pathStart + r.pathCount) { paths.append(paths[k]) }
      records[loc].pathStart = Int32(start)
    }
    paths.append(c)
    records[loc].pathCount += 1
  }

  mutating func startAt(_ loc: Loc, _ t: Token) {
    records[loc].span.0 = t.line
    records[loc].span.1 = t.column
  }

  mutating func startAt(_ loc: Loc, _ other: Loc) {
    records[loc].span.0 = records[other].span.0
    records[loc].span.1 = records[other].span.1
  }

  mutating func endAt(_ loc: Loc, _ t: Token) {
    if t.line != records[loc].span.0 {
      records[loc].span.2 = t.line
      records[loc].span.3 = t.endColumn
      records[loc].spanCount = 4
    } else {
      records[loc].span.2 = t.endColumn
      records[loc].spanCount = 3
    }
  }

  /// protoc's `~LocationRecorder`: ends at the previous token unless already ended.
  mutating func end(_ loc: Loc) {
    if records[loc].spanCount <= 2 { endAt(loc, previous) }
  }

  /// The recorded locations as SourceCodeInfo, in creation order.
  mutating func sourceCodeInfo() -> Google_Protobuf_SourceCodeInfo {
    let n = records.count
    // Built in place: each Location is moved into the array, never copied.
    let out = [SourceLocation](unsafeUninitializedCapacity: n) { buf, count in
      records.withUnsafeBufferPointer { rs in
        paths.withUnsafeBufferPointer { ps in
          for i in 0..<n {
            let r = rs[i]
            var l = SourceLocation()
            let start = Int(r.pathStart)
            l.path = Array(UnsafeBufferPointer(rebasing: ps[start..<(start + Int(r.pathCount))]))
            switch r.spanCount {
            case 4: l.span = [r.span.0, r.span.1, r.span.2, r.span.3]
            case 3: l.span = [r.span.0, r.span.1, r.span.2]
            default: l.span = [r.span.0, r.span.1]
            }
            if r.comments >= 0 {
              let g = comments[Int(r.comments)]
              if !g.leading.isEmpty { l.leadingComments = g.leading }
              if !g.trailing.isEmpty { l.trailingComments = g.trailing }
              if !g.detached.isEmpty { l.leadingDetachedComments = g.detached }
            }
            (buf.baseAddress! + i).initialize(to: l)
          }
        }
      }
      count = n
    }
    var info = Google_Protobuf_SourceCodeInfo()
    info.location = out
    return info
  }

  // MARK: - Recovery

  mutating func skipStatement() {
    while true {
      if atEnd { return }
      if cur.kind == .symbol {
        if tryConsumeEndOfDeclaration(.semicolon, nil) { return }
        if tryConsume(.lBrace) {
          skipRestOfBlock()
          return
        }
        if looking(at: .rBrace) { return }
      }
      next()
    }
  }

  mutating func skipRestOfBlock() {
    // protoc 36 counts nested blocks; like it, the token after a nested `{` or `}` is
    // skipped unexamined (a `{` or `}` there is not counted).
    var depth = 1
    while true {
      if atEnd { return }
      if cur.kind == .symbol {
        if tryConsumeEndOfDeclaration(.rBrace, nil) {
          depth -= 1
          if depth == 0 { return }
        } else if tryConsume(.lBrace) {
          depth += 1
        }
      }
      next()
    }
  }

  static func text(of k: Keyword) -> String {
    switch k {
    case .lBrace: "{"
    case .rBrace: "}"
    case .lParen: "("
    case .rParen: ")"
    case .lBracket: "["
    case .rBracket: "]"
    case .lAngle: "<"
    case .rAngle: ">"
    case .semicolon: ";"
    case .comma: ","
    case .dot: "."
    case .equals: "="
    case .minus: "-"
    case .slash: "/"
    case .syntax: "syntax"
    case .message: "message"
    case .enum: "enum"
    case .service: "service"
    case .extend: "extend"
    case .extensions: "extensions"
    case .import: "import"
    case .package: "package"
    case .option: "option"
    case .oneof: "oneof"
    case .rpc: "rpc"
    case .returns: "returns"
    case .stream: "stream"
    case .reserved: "reserved"
    case .default: "default"
    case .jsonName: "json_name"
    case .public: "public"
    case .weak: "weak"
    case .required: "required"
    default: "\(k)"
    }
  }
}
