import Foundation

/// Parses an aggregate option value (`{ a: 1 b { c: "x" } [ext]: 2 }`, protobuf text
/// format) against a message type and serializes it as protoc's `DynamicMessage`
/// would: fields in number order, repeated scalars packed where the field is packed,
/// proto3 fields without presence left out when zero.
struct TextFormatParser {
  enum TokenKind { case identifier, integer, float, string, symbol, end }
  struct Token {
    var kind: TokenKind
    var text: Substring
  }

  /// protobuf's text-format tokens over one value's text (whitespace and `#` comments
  /// skipped); also used on its own to scan an aggregate without a message type.
  struct Tokenizer {
    let bytes: [UInt8]
    let text: String
    var pos = 0
    var token = Token(kind: .end, text: "")

    init(text: String) {
      self.text = text
      self.bytes = Array(text.utf8)
      next()
    }

    mutating func next() {
      while pos < bytes.count {
        let c = bytes[pos]
        if c == 32 || c == 9 || c == 10 || c == 13 || c == 11 || c == 12 {
          pos += 1
        } else if c == 35 {  // '#'
          while pos < bytes.count && bytes[pos] != 10 { pos += 1 }
        } else {
          break
        }
      }
      guard pos < bytes.count else {
        token = Token(kind: .end, text: "")
        return
      }
      let start = pos
      let c = bytes[pos]
      func isLetter(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 }
      func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
      var kind: TokenKind
      if isLetter(c) {
        while pos < bytes.count && (isLetter(bytes[pos]) || isDigit(bytes[pos])) { pos += 1 }
        kind = .identifier
      } else if isDigit(c) || (c == 46 && pos + 1 < bytes.count && isDigit(bytes[pos + 1])) {
        kind = .integer
        if c == 48 && pos + 1 < bytes.count && (bytes[pos + 1] == 120 || bytes[pos + 1] == 88) {
          pos += 2
          while pos < bytes.count && (isDigit(bytes[pos]) || (bytes[pos] | 32 >= 97 && bytes[pos] | 32 <= 102)) {
            pos += 1
          }
        } else {
          while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
          if pos < bytes.count && bytes[pos] == 46 {
            kind = .float
            pos += 1
            while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
          }
          if pos < bytes.count && (bytes[pos] == 101 || bytes[pos] == 69) {
            kind = .float
            pos += 1
            if pos < bytes.count && (bytes[pos] == 43 || bytes[pos] == 45) { pos += 1 }
            while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
          }
          if pos < bytes.count && (bytes[pos] == 102 || bytes[pos] == 70) {
            kind = .float
            pos += 1
          }
        }
      } else if c == 34 || c == 39 {
        kind = .string
        pos += 1
        while pos < bytes.count && bytes[pos] != c && bytes[pos] != 10 {
          if bytes[pos] == 92 { pos += 1 }
          pos += 1
        }
        if pos < bytes.count { pos += 1 }
      } else {
        kind = .symbol
        pos += 1
      }
      let s = text.utf8.index(text.utf8.startIndex, offsetBy: start)
      let e = text.utf8.index(text.utf8.startIndex, offsetBy: min(pos, bytes.count))
      token = Token(kind: kind, text: text[s..<e])
    }
  }

  var lexer: Tokenizer
  var token: Token { lexer.token }
  unowned let linker: FileLinker
  var errors: [String] = []
  /// Message values open around the current token. Parsing recurses once per level, so the
  /// depth is capped as the parser caps declarations (protoc itself aborts on option values
  /// nested past protobuf's binary recursion limit of 100).
  var depth = 0

  /// Enters one more nested message value; false (with the error) past the limit.
  mutating func enterMessageValue() -> Bool {
    depth += 1
    if depth > ProtoParser.maxNesting {
      depth -= 1
      return fail("Message values are nested too deeply (more than \(ProtoParser.maxNesting) levels).")
    }
    return true
  }

  init(text: String, linker: FileLinker) {
    self.lexer = Tokenizer(text: text)
    self.linker = linker
  }

  mutating func next() { lexer.next() }

  func at(_ s: String) -> Bool { token.kind != .string && token.text == s }

  mutating func tryConsume(_ s: String) -> Bool {
    if at(s) {
      next()
      return true
    }
    return false
  }

  mutating func fail(_ msg: String) -> Bool {
    errors.append(msg)
    return false
  }

  mutating func consume(_ s: String) -> Bool {
    if tryConsume(s) { return true }
    return fail("Expected \"\(s)\", found \"\(token.text)\".")
  }

  // MARK: Messages

  /// A message under construction: values by field.
  final class Dyn {
    let type: MessageInfo
    var values: [Int32: (FieldInfo, [Value])] = [:]
    /// Unset required fields inside message fields, by field number: the element's index
    /// (repeated fields) and the paths inside it, as `missingRequired` found them.
    var nestedMissing: [Int32: [(index: Int, paths: [String])]] = [:]
    init(_ type: MessageInfo) { self.type = type }
  }

  /// protobuf's `FindInitializationErrors`: the message's unset required fields in
  /// declaration order, then those inside its message fields in field-number order
  /// (`name.`, `name[i].` or `(extension).` before each path).
  static func missingRequired(_ dyn: Dyn) -> [String] {
    var out = dyn.type.fields.filter { $0.isRequired && dyn.values[$0.number] == nil }.map(\.name)
    for number in dyn.nestedMissing.keys.sorted() {
      guard let f = dyn.values[number]?.0, let elements = dyn.nestedMissing[number] else { continue }
      let name = f.isExtension ? "(" + f.fullName + ")" : f.name
      for (index, paths) in elements {
        let prefix = f.isRepeated ? "\(name)[\(index)]." : name + "."
        out += paths.map { prefix + $0 }
      }
    }
    return out
  }

  enum Value {
    case varint(UInt64)
    case fixed32(UInt32)
    case fixed64(UInt64)
    case bytes([UInt8])
    var isZero: Bool {
      switch self {
      case .varint(let v): v == 0
      case .fixed32(let v): v == 0
      case .fixed64(let v): v == 0
      case .bytes(let b): b.isEmpty
      }
    }
  }

  /// The whole text as a message of `type`, serialized; nil on error.
  mutating func parseMessage(_ type: MessageInfo) -> [UInt8]? {
    let dyn = Dyn(type)
    while token.kind != .end {
      guard parseField(dyn) else { return nil }
    }
    let missing = Self.missingRequired(dyn)
    if !missing.isEmpty {
      _ = fail("Message missing required fields: " + missing.joined(separator: ", "))
      return nil
    }
    return serialize(dyn)
  }

  mutating func parseFields(_ dyn: Dyn, until close: String) -> Bool {
    while !at(close) {
      if token.kind == .end { return fail("Expected \"\(close)\".") }
      guard parseField(dyn) else { return false }
    }
    next()
    return true
  }

  mutating func parseField(_ dyn: Dyn) -> Bool {
    let type = dyn.type
    var field: FieldInfo?
    var displayName: String
    if tryConsume("[") {
      guard let (prefix, name) = parseTypeURLOrName() else { return false }
      if Self.isAny(type) { return parseAnyValue(prefix: prefix, typeName: name, dyn) }
      if !prefix.isEmpty { return fail("Extension name contains \"/\"") }
      displayName = name
      if case .field(let f)? = linker.lookupSymbol(name, relativeTo: type.fullName), f.isExtension,
        f.containing === type
      {
        linker.noteOptionExtension(f)
        field = f
      } else {
        return fail("Extension \"\(name)\" is not defined or is not an extension of \"\(type.fullName)\".")
      }
    } else {
      guard token.kind == .identifier else { return fail("Expected identifier, got: \(token.text)") }
      let name = String(token.text)
      displayName = name
      next()
      field = type.fieldsByName[name]
      if field == nil, let g = type.fieldsByName[name.lowercased()], g.type == .group { field = g }
      if let f = field, f.type == .group, f.message?.name != name { field = nil }
      if field == nil { return fail("Message type \"\(type.fullName)\" has no field named \"\(name)\".") }
    }
    let f = field!
    _ = displayName
    if f.isMessageLike {
      _ = tryConsume(":")
      if f.isRepeated && tryConsume("[") {
        if !tryConsume("]") {
          repeat {
            guard parseMessageValue(f, dyn) else { return false }
          } while tryConsume(",")
          guard consume("]") else { return false }
        }
      } else {
        guard parseMessageValue(f, dyn) else { return false }
      }
    } else {
      guard consume(":") else { return false }
      if f.isRepeated && tryConsume("[") {
        if !tryConsume("]") {
          repeat {
            guard let v = parseScalar(f) else { return false }
            guard add(f, v, dyn) else { return false }
          } while tryConsume(",")
          guard consume("]") else { return false }
        }
      } else {
        guard let v = parseScalar(f) else { return false }
        guard add(f, v, dyn) else { return false }
      }
    }
    if !tryConsume(";") { _ = tryConsume(",") }
    return true
  }

  // MARK: Any

  /// Characters protobuf's tokenizer reads as one URL between `[` and `]`.
  static func isURLChar(_ c: UInt8) -> Bool {
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95
      || Array("-.~!$&()*+,;=%/".utf8).contains(c)
  }

  /// Whether protobuf's text format expands `[type URL] { … }` in `type`: it is
  /// google.protobuf.Any with its string `type_url` and bytes `value`.
  static func isAny(_ type: MessageInfo) -> Bool {
    type.fullName == "google.protobuf.Any" && type.fieldsByNumber[1]?.type == .string
      && type.fieldsByNumber[2]?.type == .bytes
  }

  /// protobuf's `ConsumeAnyTypeUrlOrFullTypeName` after the `[`: the URL prefix (up to
  /// and including the last `/`, empty for an extension name) and the type name, both
  /// validated as protoc does.
  mutating func parseTypeURLOrName() -> (prefix: String, name: String)? {
    var text = ""
    while token.kind != .end && token.kind != .string && !at("]") && token.text.utf8.allSatisfy(Self.isURLChar) {
      text += token.text
      next()
    }
    guard consume("]") else { return nil }
    var prefix = ""
    var name = text
    if let slash = text.lastIndex(of: "/") {
      prefix = String(text[...slash])
      name = String(text[text.index(after: slash)...])
      if prefix == "/" {
        _ = fail("Type URL prefix is empty")
        return nil
      }
      if prefix.hasPrefix("/") {
        _ = fail("Type URL starts with \"/\"")
        return nil
      }
      let p = Array(prefix.utf8)
      for (i, c) in p.enumerated() where c == UInt8(ascii: "%") {
        func hex(_ k: Int) -> Bool {
          k < p.count && ((p[k] >= 48 && p[k] <= 57) || (p[k] | 32 >= 97 && p[k] | 32 <= 102))
        }
        if !(i + 2 < p.count && hex(i + 1) && hex(i + 2)) {
          _ = fail("Invalid percent encode, got: \"\(String(decoding: p[i..<min(i + 3, p.count)], as: UTF8.self))\"")
          return nil
        }
      }
    }
    for part in name.split(separator: ".", omittingEmptySubsequences: false) where !Self.isIdentifier(part) {
      _ = fail("Invalid identifier in type name, got: \"\(part)\"")
      return nil
    }
    return (prefix, name)
  }

  static func isIdentifier(_ s: Substring) -> Bool {
    guard let first = s.utf8.first, first == 95 || (first | 32 >= 97 && first | 32 <= 122) else { return false }
    return s.utf8.allSatisfy { $0 == 95 || ($0 | 32 >= 97 && $0 | 32 <= 122) || ($0 >= 48 && $0 <= 57) }
  }

  /// `[type.googleapis.com/pkg.Msg] { … }` inside an Any: `type_url` is the URL and
  /// `value` the message parsed and serialized. As in protoc, only the two Google URL
  /// prefixes name types, and the type must be visible to the file.
  mutating func parseAnyValue(prefix: String, typeName: String, _ dyn: Dyn) -> Bool {
    if prefix.isEmpty { return fail("Type URL prefix is missing") }
    _ = tryConsume(":")
    let url = prefix + typeName
    guard prefix == "type.googleapis.com/" || prefix == "type.googleprod.com/",
      case .message(let valueType)? = linker.findSymbol(typeName)
    else {
      return fail("Could not find type \"\(url)\" stored in google.protobuf.Any.")
    }
    let close: String
    if tryConsume("{") {
      close = "}"
    } else if tryConsume("<") {
      close = ">"
    } else {
      return fail("Expected \"{\", found \"\(token.text)\".")
    }
    let value = Dyn(valueType)
    guard enterMessageValue() else { return false }
    defer { depth -= 1 }
    guard parseFields(value, until: close) else { return false }
    let missing = Self.missingRequired(value)
    if !missing.isEmpty {
      return fail(
        "Value of type \"\(valueType.fullName)\" stored in google.protobuf.Any has missing required fields: "
          + missing.joined(separator: ", "))
    }
    guard let typeURL = dyn.type.fieldsByNumber[1], let valueField = dyn.type.fieldsByNumber[2] else { return false }
    if dyn.values[1] != nil || dyn.values[2] != nil { return fail("Non-repeated Any specified multiple times.") }
    dyn.values[1] = (typeURL, [.bytes(Array(url.utf8))])
    dyn.values[2] = (valueField, [.bytes(serialize(value))])
    if !tryConsume(";") { _ = tryConsume(",") }
    return true
  }

  mutating func parseMessageValue(_ f: FieldInfo, _ dyn: Dyn) -> Bool {
    let close: String
    if tryConsume("{") {
      close = "}"
    } else if tryConsume("<") {
      close = ">"
    } else {
      return fail("Expected \"{\", found \"\(token.text)\".")
    }
    guard let sub = f.message else { return false }
    let d = Dyn(sub)
    guard enterMessageValue() else { return false }
    defer { depth -= 1 }
    guard parseFields(d, until: close) else { return false }
    let missing = Self.missingRequired(d)
    if !missing.isEmpty {
      dyn.nestedMissing[f.number, default: []].append((dyn.values[f.number]?.1.count ?? 0, missing))
    }
    return add(f, .bytes(serialize(d)), dyn)
  }

  mutating func add(_ f: FieldInfo, _ v: Value, _ dyn: Dyn) -> Bool {
    if var entry = dyn.values[f.number] {
      if !f.isRepeated { return fail("Non-repeated field \"\(f.name)\" is specified multiple times.") }
      entry.1.append(v)
      dyn.values[f.number] = entry
      return true
    }
    if f.inOneof && !f.isExtension {
      for (_, (other, _)) in dyn.values where other.inOneof && !other.isExtension && other.oneofIndex == f.oneofIndex {
        let oneofName =
          dyn.type.oneofNames.indices.contains(Int(f.oneofIndex)) ? dyn.type.oneofNames[Int(f.oneofIndex)] : ""
        return fail(
          "Field \"\(f.name)\" is specified along with field \"\(other.name)\", another member of oneof \"\(oneofName)\"."
        )
      }
    }
    dyn.values[f.number] = (f, [v])
    return true
  }

  // MARK: Scalars

  mutating func parseScalar(_ f: FieldInfo) -> Value? {
    guard let type = f.type else { return nil }
    switch type {
    case .int32, .sint32, .sfixed32:
      guard let v = parseInteger(signed: true, min: Int64(Int32.min), max: UInt64(Int32.max)) else { return nil }
      let i = Int32(truncatingIfNeeded: v)
      switch type {
      case .sint32: return .varint(WireWriter.zigzag32(i))
      case .sfixed32: return .fixed32(UInt32(bitPattern: i))
      default: return .varint(UInt64(bitPattern: Int64(i)))
      }
    case .int64, .sint64, .sfixed64:
      guard let v = parseInteger(signed: true, min: Int64.min, max: UInt64(Int64.max)) else { return nil }
      let i = Int64(bitPattern: v)
      switch type {
      case .sint64: return .varint(WireWriter.zigzag64(i))
      case .sfixed64: return .fixed64(UInt64(bitPattern: i))
      default: return .varint(v)
      }
    case .uint32, .fixed32:
      guard let v = parseInteger(signed: false, min: 0, max: UInt64(UInt32.max)) else { return nil }
      return type == .fixed32 ? .fixed32(UInt32(v)) : .varint(v)
    case .uint64, .fixed64:
      guard let v = parseInteger(signed: false, min: 0, max: UInt64.max) else { return nil }
      return type == .fixed64 ? .fixed64(v) : .varint(v)
    case .float, .double:
      guard let d = parseDouble() else { return nil }
      return type == .float ? .fixed32(Float(d).bitPattern) : .fixed64(d.bitPattern)
    case .bool:
      let t = token.text
      if token.kind == .identifier {
        next()
        if t == "true" || t == "True" || t == "t" { return .varint(1) }
        if t == "false" || t == "False" || t == "f" { return .varint(0) }
      } else if token.kind == .integer {
        next()
        if t == "1" { return .varint(1) }
        if t == "0" { return .varint(0) }
      }
      _ = fail("Invalid value for boolean field \"\(f.name)\". Value: \"\(t)\".")
      return nil
    case .string, .bytes:
      guard token.kind == .string else {
        _ = fail("Expected string, got: \(token.text)")
        return nil
      }
      var out: [UInt8] = []
      while token.kind == .string {
        let raw = token.text.dropFirst()
        let body = raw.last == token.text.first ? raw.dropLast() : raw
        out += CEscape.unescape(String(body))
        next()
      }
      return .bytes(out)
    case .enum:
      guard let e = f.enumType else { return nil }
      if token.kind == .identifier {
        let name = String(token.text)
        next()
        guard let v = e.valuesByName[name] else {
          _ = fail("Unknown enumeration value of \"\(name)\" for field \"\(f.name)\".")
          return nil
        }
        return .varint(UInt64(bitPattern: Int64(v.number)))
      }
      let neg = at("-")
      let shown = (neg ? "-" : "") + (neg ? "" : String(token.text))
      guard let v = parseInteger(signed: true, min: Int64(Int32.min), max: UInt64(Int32.max)) else { return nil }
      let n = Int32(truncatingIfNeeded: v)
      if !linker.isOpenEnum(e) && !e.values.contains(where: { $0.number == n }) {
        _ = fail("Unknown enumeration value of \"\(neg ? String(n) : shown)\" for field \"\(f.name)\".")
        return nil
      }
      return .varint(UInt64(bitPattern: Int64(n)))
    case .message, .group:
      return nil
    }
  }

  /// An integer (decimal, hex or octal) with an optional minus; the result is the
  /// two's-complement bit pattern.
  mutating func parseInteger(signed: Bool, min: Int64, max: UInt64) -> UInt64? {
    let neg = tryConsume("-")
    guard token.kind == .integer else {
      _ = fail("Expected integer, got: \(token.text)")
      return nil
    }
    let t = String(token.text)
    guard let mag = FileLinker.parseCInteger(t) else {
      _ = fail("Integer out of range (\(t))")
      return nil
    }
    next()
    if neg {
      guard signed, mag <= UInt64(bitPattern: 0 &- min) || (min == Int64.min && mag <= UInt64(1) << 63) else {
        _ = fail(signed ? "Integer out of range (-\(t))" : "Expected integer, got: -")
        return nil
      }
      return 0 &- mag
    }
    guard mag <= max else {
      _ = fail("Integer out of range (\(t))")
      return nil
    }
    return mag
  }

  mutating func parseDouble() -> Double? {
    let neg = tryConsume("-")
    var d: Double
    switch token.kind {
    case .integer:
      guard let v = FileLinker.parseCInteger(String(token.text)) else {
        _ = fail("Integer out of range (\(token.text))")
        return nil
      }
      d = Double(v)
    case .float:
      var t = token.text
      if t.last == "f" || t.last == "F" { t = t.dropLast() }
      d = Double(String(t)) ?? 0
    case .identifier:
      let l = token.text.lowercased()
      if l == "inf" || l == "infinity" {
        d = .infinity
      } else if l == "nan" {
        d = .nan
      } else {
        _ = fail("Expected double, got: \(token.text)")
        return nil
      }
    default:
      _ = fail("Expected double, got: \(token.text)")
      return nil
    }
    next()
    return neg ? -d : d
  }

  // MARK: Serialization

  func serialize(_ dyn: Dyn) -> [UInt8] {
    var w = WireWriter()
    for number in dyn.values.keys.sorted() {
      let (f, values) = dyn.values[number]!
      if dyn.type.messageSetWireFormat && f.isExtension && f.type == .message {
        // MessageSet items: group 1 holding type_id (2) and message (3).
        for case .bytes(let b) in values {
          w.tag(1, .startGroup)
          w.tag(2, .varint)
          w.varint(UInt64(UInt32(bitPattern: number)))
          w.lengthDelimited(3, b)
          w.tag(1, .endGroup)
        }
        continue
      }
      if f.isPacked {
        var payload = WireWriter()
        for v in values { Self.writeRaw(&payload, v) }
        w.lengthDelimited(number, payload.bytes)
        continue
      }
      if !f.isRepeated && f.isProto3File && !f.proto3Optional && !f.inOneof && !f.isMessageLike && !f.isExtension,
        let v = values.first, v.isZero
      {
        continue
      }
      for v in values {
        switch v {
        case .varint: w.tag(number, .varint)
        case .fixed32: w.tag(number, .fixed32)
        case .fixed64: w.tag(number, .fixed64)
        case .bytes(let b):
          if f.type == .group {
            w.tag(number, .startGroup)
            w.bytes += b
            w.tag(number, .endGroup)
            continue
          }
          w.lengthDelimited(number, b)
          continue
        }
        Self.writeRaw(&w, v)
      }
    }
    return w.bytes
  }

  static func writeRaw(_ w: inout WireWriter, _ v: Value) {
    switch v {
    case .varint(let x): w.varint(x)
    case .fixed32(let x): w.fixed32(x)
    case .fixed64(let x): w.fixed64(x)
    case .bytes(let b):
      w.varint(UInt64(b.count))
      w.bytes += b
    }
  }
}

extension FileLinker {
  /// Open enums (proto3's, and editions' unless `enum_type = CLOSED`) accept unknown numbers.
  func isOpenEnum(_ e: EnumInfo) -> Bool {
    if let closed = e.isClosed { return !closed }
    if e.file < linker.syntaxes.count, case .enumType(let pe)? = pool.lookup(e.fullName), pe === e {
      return linker.syntaxes[e.file] == "proto3"
    }
    return false
  }
}
