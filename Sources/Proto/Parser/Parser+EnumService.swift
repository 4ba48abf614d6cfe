import SwiftProtobuf

/// An enum body under construction.
struct EnumParts {
  var value: [EnumValueProto] = []
  var options: [Uninterpreted]?
  var reservedRange: [EnumProto.EnumReservedRange] = []
  var reservedName: [String] = []
}

extension ProtoParser {
  // MARK: - Enums

  mutating func parseEnumDefinition(_ e: inout EnumProto, _ enumLoc: Loc) -> Bool {
    guard consume(.enum) else { return false }
    do {
      let l = location(enumLoc, 1)
      defer { end(l) }
      guard let name = consumeIdentifier("Expected enum name.") else { return false }
      e.name = name
    }
    var parts = EnumParts()
    let ok = parseEnumBlock(&parts, enumLoc)
    e.value = parts.value
    if let opts = parts.options { e.options.uninterpretedOption = opts }
    e.reservedRange = parts.reservedRange
    e.reservedName = parts.reservedName
    guard ok else { return false }
    return validateEnum(e.name, parts)
  }

  mutating func parseEnumBlock(_ parts: inout EnumParts, _ enumLoc: Loc) -> Bool {
    guard consumeEndOfDeclaration(.lBrace, enumLoc) else { return false }
    while !tryConsumeEndOfDeclaration(.rBrace, nil) {
      if atEnd {
        addError("Reached end of input in enum definition (missing '}').")
        return false
      }
      if !parseEnumStatement(&parts, enumLoc) { skipStatement() }
    }
    return true
  }

  mutating func parseEnumStatement(_ parts: inout EnumParts, _ enumLoc: Loc) -> Bool {
    switch cur.keyword {
    case .semicolon:
      _ = tryConsumeEndOfDeclaration(.semicolon, nil)
      return true
    case .option:
      let l = location(enumLoc, 3)
      defer { end(l) }
      return parseOption(&parts.options, l, statement: true)
    case .reserved:
      return parseEnumReserved(&parts, enumLoc)
    default:
      let l = location(enumLoc, 2, parts.value.count)
      defer { end(l) }
      var v = EnumValueProto()
      let ok = parseEnumConstant(&v, l)
      parts.value.append(v)
      return ok
    }
  }

  mutating func parseEnumConstant(_ v: inout EnumValueProto, _ loc: Loc) -> Bool {
    do {
      let l = location(loc, 1)
      defer { end(l) }
      guard let name = consumeIdentifier("Expected enum constant name.") else { return false }
      v.name = name
    }
    guard consume(.equals, "Missing numeric value for enum constant.") else { return false }
    do {
      let l = location(loc, 2)
      defer { end(l) }
      guard let n = consumeSignedInteger("Expected integer.") else { return false }
      v.number = n
    }
    if looking(at: .lBracket) {
      var opts: [Uninterpreted]? = nil
      let ok = parseBracketedOptions(&opts, loc, 3)
      if let opts { v.options.uninterpretedOption = opts }
      guard ok else { return false }
    }
    return consumeEndOfDeclaration(.semicolon, loc)
  }

  mutating func parseEnumReserved(_ parts: inout EnumParts, _ enumLoc: Loc) -> Bool {
    let startToken = cur
    guard consume(.reserved) else { return false }
    if let done = parseReservedIdentifiers(&parts.reservedName, enumLoc, namesField: 5, start: startToken) {
      return done
    }
    if cur.kind == .string {
      let loc = location(enumLoc, 5)
      defer { end(loc) }
      startAt(loc, startToken)
      return parseReservedNames(&parts.reservedName, loc, "Expected enum value.")
    }
    let loc = location(enumLoc, 4)
    defer { end(loc) }
    startAt(loc, startToken)
    var first = true
    repeat {
      let l = location(loc, parts.reservedRange.count)
      defer { end(l) }
      var range = EnumProto.EnumReservedRange()
      defer { parts.reservedRange.append(range) }
      let err = first ? "Expected enum value or number range." : "Expected enum number range."
      guard let (start, endValue) = parseRange(l, firstError: err, signed: true, maxValue: Int32.max)
      else { return false }
      range.start = start
      range.end = endValue
      first = false
    } while tryConsume(.comma)
    return consumeEndOfDeclaration(.semicolon, loc)
  }

  /// protoc's `ValidateEnum` (run by its parser): `allow_alias` must be needed.
  mutating func validateEnum(_ name: String, _ parts: EnumParts) -> Bool {
    var hasAllowAlias = false
    var allowAlias = false
    for o in parts.options ?? [] {
      if o.name.count > 1 { continue }
      guard let n = o.name.first else { continue }
      if !n.isExtension && n.namePart == "allow_alias" {
        hasAllowAlias = true
        if o.identifierValue == "true" { allowAlias = true }
        break
      }
    }
    if hasAllowAlias && !allowAlias {
      addError(
        "\"\(name)\" declares 'option allow_alias = false;' which has no effect. Please remove the declaration."
      )
      return false
    }
    if allowAlias {
      var seen = Set<Int32>()
      var duplicates = false
      for v in parts.value where !seen.insert(v.number).inserted {
        duplicates = true
        break
      }
      if !duplicates {
        addError(
          "\"\(name)\" declares support for enum aliases but no enum values share field numbers. Please remove the unnecessary 'option allow_alias = true;' declaration."
        )
        return false
      }
    }
    return true
  }

  // MARK: - Services

  mutating func parseServiceDefinition(_ s: inout ServiceProto, _ svcLoc: Loc) -> Bool {
    guard consume(.service) else { return false }
    do {
      let l = location(svcLoc, 1)
      defer { end(l) }
      guard let name = consumeIdentifier("Expected service name.") else { return false }
      s.name = name
    }
    var methods: [MethodProto] = []
    var opts: [Uninterpreted]? = nil
    defer {
      s.method = methods
      if let opts { s.options.uninterpretedOption = opts }
    }
    guard consumeEndOfDeclaration(.lBrace, svcLoc) else { return false }
    while !tryConsumeEndOfDeclaration(.rBrace, nil) {
      if atEnd {
        addError("Reached end of input in service definition (missing '}').")
        return false
      }
      let ok: Bool
      switch cur.keyword {
      case .semicolon:
        _ = tryConsumeEndOfDeclaration(.semicolon, nil)
        ok = true
      case .option:
        let l = location(svcLoc, 3)
        ok = parseOption(&opts, l, statement: true)
        end(l)
      default:
        let l = location(svcLoc, 2, methods.count)
        var m = MethodProto()
        ok = parseServiceMethod(&m, l)
        methods.append(m)
        end(l)
      }
      if !ok { skipStatement() }
    }
    return true
  }

  mutating func parseServiceMethod(_ m: inout MethodProto, _ loc: Loc) -> Bool {
    guard consume(.rpc) else { return false }
    do {
      let l = location(loc, 1)
      defer { end(l) }
      guard let name = consumeIdentifier("Expected method name.") else { return false }
      m.name = name
    }
    guard consume(.lParen) else { return false }
    do {
      if looking(at: .stream) {
        let l = location(loc, 5)
        defer { end(l) }
        m.clientStreaming = true
        next()
      }
      let l = location(loc, 2)
      defer { end(l) }
      var name = ""
      let ok = parseUserDefinedType(&name)
      m.inputType = name
      guard ok else { return false }
    }
    guard consume(.rParen) else { return false }
    guard consume(.returns) else { return false }
    guard consume(.lParen) else { return false }
    do {
      if looking(at: .stream) {
        let l = location(loc, 6)
        defer { end(l) }
        next()
        m.serverStreaming = true
      }
      let l = location(loc, 3)
      defer { end(l) }
      var name = ""
      let ok = parseUserDefinedType(&name)
      m.outputType = name
      guard ok else { return false }
    }
    guard consume(.rParen) else { return false }
    if looking(at: .lBrace) {
      var opts: [Uninterpreted]? = []
      let ok = parseMethodOptions(loc, &opts)
      m.options.uninterpretedOption = opts ?? []
      return ok
    }
    return consumeEndOfDeclaration(.semicolon, loc)
  }

  mutating func parseMethodOptions(_ loc: Loc, _ opts: inout [Uninterpreted]?) -> Bool {
    _ = consumeEndOfDeclaration(.lBrace, loc)
    while !tryConsumeEndOfDeclaration(.rBrace, nil) {
      if atEnd {
        addError("Reached end of input in method options (missing '}').")
        return false
      }
      if tryConsumeEndOfDeclaration(.semicolon, nil) { continue }
      let l = location(loc, 4)
      let ok = parseOption(&opts, l, statement: true)
      if !ok { skipStatement() }
      end(l)
    }
    return true
  }
}
