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

/// A recursive-descent parser mirroring protoc 3.21's `compiler::Parser` statement by
/// statement, so that descriptors, SourceCodeInfo (locations, their order, spans and
/// comments) and errors come out the same. Each `parse…` returns false where protoc's
/// returns false (the caller then skips the statement, as protoc does).
///
/// A "location" (`Loc`) is an index into `locations`: created when protoc's
/// `LocationRecorder` is constructed and ended (`end`) where it is destroyed.
final class ProtoParser {
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
  var locations: [SourceLocation] = []
  var diagnostics: [Diagnostic] = []
  var syntax = ""
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
    locations.reserveCapacity(tokens.count / 2 + 4)
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

  @inline(__always) func next() {
    if pos < tokens.count { pos += 1 }
    if pos > furthest { furthest = pos }
  }

  @inline(__always) func tryConsume(_ k: Keyword) -> Bool {
    if cur.keyword == k {
      next()
      return true
    }
    return false
  }

  func consume(_ k: Keyword, _ error: String) -> Bool {
    if tryConsume(k) { return true }
    addError(error)
    return false
  }

  func consume(_ k: Keyword) -> Bool {
    consume(k, "Expected \"\(Self.text(of: k))\".")
  }

  func text(_ t: Token) -> String {
    let s = Int(t.start)
    let e = Int(t.end)
    return String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self)
  }

  func consumeIdentifier(_ error: String) -> String? {
    if cur.kind == .identifier {
      let s = text(cur)
      next()
      return s
    }
    addError(error)
    return nil
  }

  /// protoc's `ConsumeInteger`: an int32-range integer (0 after "Integer out of range.").
  func consumeInteger(_ error: String) -> Int32? {
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

  func consumeInteger64(max: UInt64, _ error: String) -> UInt64? {
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

  func consumeSignedInteger(_ error: String) -> Int32? {
    var negative = false
    var max = UInt64(Int32.max)
    if tryConsume(.minus) {
      negative = true
      max += 1
    }
    guard let v = consumeInteger64(max: max, error) else { return nil }
    return negative ? Int32(truncatingIfNeeded: 0 &- v) : Int32(truncatingIfNeeded: v)
  }

  func consumeNumber(_ error: String) -> Double? {
    let t = cur
    if t.kind == .float {
      next()
      return Literals.parseFloat(p, Int(t.start), Int(t.end))
    }
    if t.kind == .integer {
      let v = Literals.parseInteger(p, Int(t.start), Int(t.end), max: UInt64.max)
      if v == nil { addError("Integer out of range.") }
      next()
      return Double(v ?? 0)
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
  func consumeStringBytes(_ error: String) -> [UInt8]? {
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

  func consumeString(_ error: String) -> String? {
    consumeStringBytes(error).map { String(decoding: $0, as: UTF8.self) }
  }

  // MARK: - Comments and declaration ends

  /// Advances past the current token, collecting the comments that follow it.
  func nextWithComments() -> CommentGroup {
    if pos >= tokens.count - 1 {
      next()
      return CommentGroup()
    }
    let t = tokens[pos]
    let n = tokens[pos + 1]
    let g = CommentScanner.collect(
      p, from: Int(t.end), to: Int(n.start), atStart: false,
      nextClosesScope: n.kind == .end || n.closesScope)
    next()
    return g
  }

  /// Collects the comments before the first token (protoc's first `NextWithComments`).
  func startComments() {
    let first = tokens[0]
    let g = CommentScanner.collect(
      p, from: contentStart, to: Int(first.start), atStart: true,
      nextClosesScope: first.kind == .end || first.closesScope)
    upcomingDetachedComments = g.detached
    upcomingDocComments = g.leading
  }

  func tryConsumeEndOfDeclaration(_ k: Keyword, _ loc: Loc?) -> Bool {
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

  func consumeEndOfDeclaration(_ k: Keyword, _ loc: Loc?) -> Bool {
    if tryConsumeEndOfDeclaration(k, loc) { return true }
    addError("Expected \"\(Self.text(of: k))\".")
    return false
  }

  func attachComments(_ loc: Loc, _ g: CommentGroup) {
    if !g.leading.isEmpty { locations[loc].leadingComments = g.leading }
    if !g.trailing.isEmpty { locations[loc].trailingComments = g.trailing }
    if !g.detached.isEmpty { locations[loc].leadingDetachedComments = g.detached }
  }

  // MARK: - Errors

  func addError(_ message: String) {
    addError(at: cur, message)
  }

  func addError(at t: Token, _ message: String) {
    let start = SourcePosition(offset: Int(t.start), line: Int(t.line) + 1, column: Int(t.column) + 1)
    var endCol = t.endColumn
    if t.kind == .end || t.kind == .start { endCol = t.column }
    let end = SourcePosition(offset: Int(t.end), line: Int(t.line) + 1, column: Int(endCol) + 1)
    diagnostics.append(
      .error(message, rule: "COMPILE", at: Span(file: displayPath, start: start, end: end)))
  }

  /// Parser errors plus the lexer errors of every token the parser reached.
  func finishDiagnostics() -> [Diagnostic] {
    var out = diagnostics
    for e in lexErrors where e.tokenIndex <= furthest {
      let pos = SourcePosition(offset: Int(e.offset), line: Int(e.line) + 1, column: Int(e.column) + 1)
      out.append(.error(e.message, rule: "COMPILE", at: Span(file: displayPath, start: pos, end: pos)))
    }
    return out
  }

  // MARK: - Locations (protoc's LocationRecorder)

  func rootLocation() -> Loc {
    var l = SourceLocation()
    l.span = [cur.line, cur.column]
    locations.append(l)
    return locations.count - 1
  }

  func location(_ parent: Loc) -> Loc {
    var l = SourceLocation()
    l.path = locations[parent].path
    l.span = [cur.line, cur.column]
    locations.append(l)
    return locations.count - 1
  }

  func location(_ parent: Loc, _ a: Int) -> Loc {
    var l = SourceLocation()
    var path = locations[parent].path
    path.append(Int32(truncatingIfNeeded: a))
    l.path = path
    l.span = [cur.line, cur.column]
    locations.append(l)
    return locations.count - 1
  }

  func location(_ parent: Loc, _ a: Int, _ b: Int) -> Loc {
    var l = SourceLocation()
    var path = locations[parent].path
    path.reserveCapacity(path.count + 2)
    path.append(Int32(truncatingIfNeeded: a))
    path.append(Int32(truncatingIfNeeded: b))
    l.path = path
    l.span = [cur.line, cur.column]
    locations.append(l)
    return locations.count - 1
  }

  func addPath(_ loc: Loc, _ c: Int32) { locations[loc].path.append(c) }

  func startAt(_ loc: Loc, _ t: Token) {
    locations[loc].span[0] = t.line
    locations[loc].span[1] = t.column
  }

  func startAt(_ loc: Loc, _ other: Loc) {
    locations[loc].span[0] = locations[other].span[0]
    locations[loc].span[1] = locations[other].span[1]
  }

  func endAt(_ loc: Loc, _ t: Token) {
    if t.line != locations[loc].span[0] { locations[loc].span.append(t.line) }
    locations[loc].span.append(t.endColumn)
  }

  /// protoc's `~LocationRecorder`: ends at the previous token unless already ended.
  func end(_ loc: Loc) {
    if locations[loc].span.count <= 2 { endAt(loc, previous) }
  }

  // MARK: - Recovery

  func skipStatement() {
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

  func skipRestOfBlock() {
    // protoc recurses per nested block; a depth counter behaves the same without
    // risking the stack on deeply nested input.
    var depth = 1
    while true {
      if atEnd { return }
      if cur.kind == .symbol {
        if tryConsumeEndOfDeclaration(.rBrace, nil) {
          depth -= 1
          if depth == 0 { return }
          // protoc's inner call returned; the outer loop then skips one more token.
          next()
          continue
        } else if tryConsume(.lBrace) {
          depth += 1
          continue
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
