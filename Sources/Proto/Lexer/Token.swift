/// The kind of a `.proto` token, as protoc's tokenizer classifies them.
public enum TokenKind: UInt8, Sendable {
  /// The position before the first token (only ever "previous").
  case start
  case end
  case identifier
  case integer
  case float
  case string
  /// One byte of punctuation (or any other byte that is not part of another token).
  case symbol
}

/// Keywords and punctuation the parser tests for, resolved once by the lexer so the
/// parser compares one byte instead of token text.
public enum Keyword: UInt8, Sendable {
  case none = 0
  // identifiers
  case syntax, edition, `import`, `public`, weak, package, option, message, `enum`, service
  case extend, extensions, reserved, oneof, map, optional, repeated, required, group
  case to, max, rpc, stream, returns, `default`, jsonName, `true`, `false`, inf, nan, export, local
  // scalar type names (order matches `scalarTypes`)
  case tDouble, tFloat, tInt64, tUInt64, tInt32, tFixed64, tFixed32, tBool, tString
  case tBytes, tUInt32, tSFixed32, tSFixed64, tSInt32, tSInt64
  // symbols
  case lBrace, rBrace, lParen, rParen, lBracket, rBracket, lAngle, rAngle
  case semicolon, comma, dot, equals, minus, slash
}

/// One token: offsets into the file's bytes plus protoc's 0-based line and
/// tab-expanded columns. 24 bytes, no heap storage.
public struct Token: Sendable {
  public var kind: TokenKind
  public var keyword: Keyword
  /// Byte range `[start, end)` of the token text.
  public var start: Int32
  public var end: Int32
  /// 0-based line and column (a tab advances to the next multiple of 8), as protoc counts.
  public var line: Int32
  public var column: Int32
  public var endColumn: Int32

  @inlinable
  public init(
    kind: TokenKind, keyword: Keyword = .none, start: Int32, end: Int32, line: Int32,
    column: Int32, endColumn: Int32
  ) {
    self.kind = kind
    self.keyword = keyword
    self.start = start
    self.end = end
    self.line = line
    self.column = column
    self.endColumn = endColumn
  }

  /// Whether this token closes a scope, which stops a comment from becoming its leading comment.
  @inlinable var closesScope: Bool {
    keyword == .rBrace || keyword == .rBracket || keyword == .rParen
  }
}

extension Keyword {
  /// Classifies an identifier's bytes.
  @inlinable
  static func identifier(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Keyword {
    let n = e - s
    if n < 2 || n > 10 { return .none }
    @inline(__always) func eq(_ lit: StaticString) -> Bool {
      guard lit.utf8CodeUnitCount == n else { return false }
      let l = lit.utf8Start
      var i = 0
      while i < n {
        if p[s + i] != l[i] { return false }
        i += 1
      }
      return true
    }
    switch p[s] {
    case UInt8(ascii: "b"):
      if eq("bool") { return .tBool }
      if eq("bytes") { return .tBytes }
    case UInt8(ascii: "d"):
      if eq("double") { return .tDouble }
      if eq("default") { return .default }
    case UInt8(ascii: "e"):
      if eq("enum") { return .enum }
      if eq("extend") { return .extend }
      if eq("extensions") { return .extensions }
      if eq("edition") { return .edition }
      if eq("export") { return .export }
    case UInt8(ascii: "f"):
      if eq("float") { return .tFloat }
      if eq("fixed32") { return .tFixed32 }
      if eq("fixed64") { return .tFixed64 }
      if eq("false") { return .false }
    case UInt8(ascii: "g"):
      if eq("group") { return .group }
    case UInt8(ascii: "i"):
      if eq("int32") { return .tInt32 }
      if eq("int64") { return .tInt64 }
      if eq("import") { return .import }
      if eq("inf") { return .inf }
    case UInt8(ascii: "j"):
      if eq("json_name") { return .jsonName }
    case UInt8(ascii: "l"):
      if eq("local") { return .local }
    case UInt8(ascii: "m"):
      if eq("message") { return .message }
      if eq("map") { return .map }
      if eq("max") { return .max }
    case UInt8(ascii: "n"):
      if eq("nan") { return .nan }
    case UInt8(ascii: "o"):
      if eq("optional") { return .optional }
      if eq("option") { return .option }
      if eq("oneof") { return .oneof }
    case UInt8(ascii: "p"):
      if eq("package") { return .package }
      if eq("public") { return .public }
    case UInt8(ascii: "r"):
      if eq("repeated") { return .repeated }
      if eq("required") { return .required }
      if eq("reserved") { return .reserved }
      if eq("rpc") { return .rpc }
      if eq("returns") { return .returns }
    case UInt8(ascii: "s"):
      if eq("string") { return .tString }
      if eq("sint32") { return .tSInt32 }
      if eq("sint64") { return .tSInt64 }
      if eq("sfixed32") { return .tSFixed32 }
      if eq("sfixed64") { return .tSFixed64 }
      if eq("syntax") { return .syntax }
      if eq("service") { return .service }
      if eq("stream") { return .stream }
    case UInt8(ascii: "t"):
      if eq("to") { return .to }
      if eq("true") { return .true }
    case UInt8(ascii: "u"):
      if eq("uint32") { return .tUInt32 }
      if eq("uint64") { return .tUInt64 }
    case UInt8(ascii: "w"):
      if eq("weak") { return .weak }
    default:
      break
    }
    return .none
  }

  /// Classifies a one-byte symbol.
  @inlinable
  static func symbol(_ b: UInt8) -> Keyword {
    switch b {
    case UInt8(ascii: "{"): .lBrace
    case UInt8(ascii: "}"): .rBrace
    case UInt8(ascii: "("): .lParen
    case UInt8(ascii: ")"): .rParen
    case UInt8(ascii: "["): .lBracket
    case UInt8(ascii: "]"): .rBracket
    case UInt8(ascii: "<"): .lAngle
    case UInt8(ascii: ">"): .rAngle
    case UInt8(ascii: ";"): .semicolon
    case UInt8(ascii: ","): .comma
    case UInt8(ascii: "."): .dot
    case UInt8(ascii: "="): .equals
    case UInt8(ascii: "-"): .minus
    case UInt8(ascii: "/"): .slash
    default: .none
    }
  }

  /// The scalar field type a type keyword names (`group` included, as protoc's table has it).
  var scalarType: Int? {
    switch self {
    case .tDouble: 1
    case .tFloat: 2
    case .tInt64: 3
    case .tUInt64: 4
    case .tInt32: 5
    case .tFixed64: 6
    case .tFixed32: 7
    case .tBool: 8
    case .tString: 9
    case .group: 10
    case .tBytes: 12
    case .tUInt32: 13
    case .tSFixed32: 15
    case .tSFixed64: 16
    case .tSInt32: 17
    case .tSInt64: 18
    default: nil
    }
  }
}
