import SwiftProtobuf

/// A message body under construction (stored properties, so that `fields` and
/// `nestedType` can be passed `inout` together, as groups and maps need).
struct MessageParts {
  var field: [FieldProto] = []
  var nestedType: [MessageProto] = []
  var enumType: [EnumProto] = []
  var extensionRange: [MessageProto.ExtensionRange] = []
  var `extension`: [FieldProto] = []
  var options: [Uninterpreted]?
  var oneofDecl: [OneofProto] = []
  var reservedRange: [MessageProto.ReservedRange] = []
  var reservedName: [String] = []
  /// The name of the first `option map_entry = …` written in the body (protoc 36's
  /// parser refuses it: only `map<K, V>` makes entries).
  var mapEntryOption: Token?

  mutating func assemble(into m: inout MessageProto) {
    m.field = field
    m.nestedType = nestedType
    m.enumType = enumType
    m.extensionRange = extensionRange
    m.extension = self.extension
    if let options { m.options.uninterpretedOption = options }
    m.oneofDecl = oneofDecl
    m.reservedRange = reservedRange
    m.reservedName = reservedName
  }

  /// protoc's `IsMessageSetWireFormatMessage` on the not yet interpreted options.
  var isMessageSet: Bool {
    guard let options else { return false }
    return options.contains {
      $0.name.count == 1 && $0.name[0].namePart == "message_set_wire_format"
        && $0.identifierValue == "true"
    }
  }

  /// Replaces the `max` sentinel (-1) of extension and reserved ranges.
  mutating func adjustMaxRanges() {
    let maxEnd: Int32 = isMessageSet ? Int32.max : 536_870_912
    for i in extensionRange.indices where extensionRange[i].end == -1 {
      extensionRange[i].end = maxEnd
    }
    for i in reservedRange.indices where reservedRange[i].end == -1 {
      reservedRange[i].end = maxEnd
    }
  }
}

extension ProtoParser {
  mutating func parseMessageDefinition(_ m: inout MessageProto, _ msgLoc: Loc) -> Bool {
    guard consume(.message) else { return false }
    do {
      let l = location(msgLoc, 1)
      defer { end(l) }
      guard let name = consumeIdentifier("Expected message name.") else { return false }
      m.name = name
    }
    var parts = MessageParts()
    let ok = parseMessageBlock(&parts, msgLoc)
    parts.assemble(into: &m)
    guard ok else { return false }
    if syntax == "proto3" { addSyntheticOneofs(&m) }
    return true
  }

  /// proto3 `optional` fields get a one-field oneof named `_name` (prefixed with `X`
  /// until unique), appended after the declared oneofs.
  mutating func addSyntheticOneofs(_ m: inout MessageProto) {
    guard m.field.contains(where: { $0.proto3Optional }) else { return }
    var names = Set<String>()
    for f in m.field { names.insert(f.name) }
    for o in m.oneofDecl { names.insert(o.name) }
    var fields = m.field
    var oneofs = m.oneofDecl
    for i in fields.indices where fields[i].proto3Optional {
      var name = fields[i].name
      if name.isEmpty || name.utf8.first != UInt8(ascii: "_") { name = "_" + name }
      while names.contains(name) { name = "X" + name }
      names.insert(name)
      fields[i].oneofIndex = Int32(oneofs.count)
      var o = OneofProto()
      o.name = name
      oneofs.append(o)
    }
    m.field = fields
    m.oneofDecl = oneofs
  }

  mutating func parseMessageBlock(_ parts: inout MessageParts, _ msgLoc: Loc) -> Bool {
    // protoc has no limit; ours keeps the recursion within any thread's stack.
    if nesting >= Self.maxNesting {
      addError("Messages are nested too deeply (more than \(Self.maxNesting) levels).")
      return false
    }
    nesting += 1
    defer { nesting -= 1 }
    guard consumeEndOfDeclaration(.lBrace, msgLoc) else { return false }
    while !tryConsumeEndOfDeclaration(.rBrace, nil) {
      if atEnd {
        addError("Reached end of input in message definition (missing '}').")
        return false
      }
      if !parseMessageStatement(&parts, msgLoc) { skipStatement() }
    }
    if !parts.extensionRange.isEmpty || !parts.reservedRange.isEmpty { parts.adjustMaxRanges() }
    if let t = parts.mapEntryOption {
      addError(at: t, "map_entry should not be set explicitly. Use map<KeyType, ValueType> instead.")
      return false
    }
    return true
  }

  mutating func parseMessageStatement(_ parts: inout MessageParts, _ msgLoc: Loc) -> Bool {
    var visibility = Google_Protobuf_SymbolVisibility.visibilityUnset
    if looking(at: .export) || looking(at: .local) {
      guard parseVisibility(&visibility) else { return false }
    }
    switch cur.keyword {
    case .semicolon:
      _ = tryConsumeEndOfDeclaration(.semicolon, nil)
      return true
    case .message:
      let loc = location(msgLoc, 3, parts.nestedType.count)
      defer { end(loc) }
      var m = MessageProto()
      let ok = parseMessageDefinition(&m, loc)
      if ok && visibility != .visibilityUnset { m.visibility = visibility }
      parts.nestedType.append(m)
      return ok
    case .enum:
      let loc = location(msgLoc, 4, parts.enumType.count)
      defer { end(loc) }
      var e = EnumProto()
      let ok = parseEnumDefinition(&e, loc)
      if ok && visibility != .visibilityUnset { e.visibility = visibility }
      parts.enumType.append(e)
      return ok
    case .extensions:
      let loc = location(msgLoc, 5)
      defer { end(loc) }
      return parseExtensions(&parts, loc)
    case .reserved:
      return parseReserved(&parts, msgLoc)
    case .extend:
      let loc = location(msgLoc, 6)
      defer { end(loc) }
      return parseExtend(&parts.extension, &parts.nestedType, msgLoc, 3, loc)
    case .option:
      let loc = location(msgLoc, 7)
      defer { end(loc) }
      let nameToken = pos + 1 < tokens.count ? tokens[pos + 1] : cur
      let ok = parseOption(&parts.options, loc, statement: true)
      if parts.mapEntryOption == nil, let name = parts.options?.last?.name.first, !name.isExtension,
        name.namePart == "map_entry"
      {
        parts.mapEntryOption = nameToken
      }
      return ok
    case .oneof:
      let index = parts.oneofDecl.count
      let loc = location(msgLoc, 8, index)
      defer { end(loc) }
      var o = OneofProto()
      parts.oneofDecl.append(o)
      let ok = parseOneof(&o, &parts, index, loc, msgLoc)
      parts.oneofDecl[index] = o
      return ok
    default:
      let loc = location(msgLoc, 2, parts.field.count)
      defer { end(loc) }
      var f = FieldProto()
      let ok = parseMessageField(&f, &parts.nestedType, msgLoc, 3, loc)
      parts.field.append(f)
      return ok
    }
  }

  // MARK: - Extension ranges and reserved

  mutating func parseExtensions(_ parts: inout MessageParts, _ extLoc: Loc) -> Bool {
    guard consume(.extensions) else { return false }
    let oldCount = parts.extensionRange.count
    repeat {
      let loc = location(extLoc, parts.extensionRange.count)
      defer { end(loc) }
      var range = MessageProto.ExtensionRange()
      defer { parts.extensionRange.append(range) }
      guard let (start, endValue) = parseRange(loc, firstError: "Expected field number range.")
      else { return false }
      range.start = start
      range.end = endValue &+ 1
    } while tryConsume(.comma)

    if looking(at: .lBracket) {
      let rangeNumberIndex = Int(records[extLoc].pathCount)
      // protoc records these options once, into a separate SourceCodeInfo, then copies
      // them to every range of the statement.
      let extRecord = records[extLoc]
      var outer: [LocationRecord] = []
      swap(&outer, &records)
      records.append(extRecord)
      let indexLoc = location(0, 0)
      var opts: [Uninterpreted]? = []
      let ok = parseBracketedOptions(&opts, indexLoc, 3)
      end(indexLoc)
      swap(&outer, &records)
      let info = outer.dropFirst()
      parts.extensionRange[oldCount].options.uninterpretedOption = opts ?? []
      guard ok else { return false }
      for i in (oldCount + 1)..<max(oldCount + 1, parts.extensionRange.count) {
        parts.extensionRange[i].options = parts.extensionRange[oldCount].options
      }
      for i in oldCount..<parts.extensionRange.count {
        for var r in info where Int(r.pathCount) != rangeNumberIndex + 1 {
          let start = paths.count
          for k in Int(r.pathStart)..<Int(r.pathStart + r.pathCount) { paths.append(paths[k]) }
          paths[start + rangeNumberIndex] = Int32(i)
          r.pathStart = Int32(start)
          records.append(r)
        }
      }
    }
    return consumeEndOfDeclaration(.semicolon, extLoc)
  }

  /// `[opt = v, ...]` recorded under `parent` + `optionsField` (field, enum value and
  /// extension range options).
  mutating func parseBracketedOptions(_ opts: inout [Uninterpreted]?, _ parent: Loc, _ optionsField: Int)
    -> Bool
  {
    let loc = location(parent, optionsField)
    defer { end(loc) }
    guard consume(.lBracket) else { return false }
    repeat {
      guard parseOption(&opts, loc, statement: false) else { return false }
    } while tryConsume(.comma)
    return consume(.rBracket)
  }

  /// `start [to (end | max)]`, recording the start (1) and end (2) locations. `max`
  /// yields -2 (the caller's +1 makes protoc's -1 sentinel).
  mutating func parseRange(_ loc: Loc, firstError: String, signed: Bool = false, maxValue: Int32 = -2)
    -> (Int32, Int32)?
  {
    let startToken = cur
    var start: Int32 = 0
    do {
      let l = location(loc, 1)
      defer { end(l) }
      let v = signed ? consumeSignedInteger(firstError) : consumeInteger(firstError)
      guard let v else { return nil }
      start = v
    }
    if tryConsume(.to) {
      let l = location(loc, 2)
      defer { end(l) }
      if tryConsume(.max) { return (start, maxValue) }
      let v = signed ? consumeSignedInteger("Expected integer.") : consumeInteger("Expected integer.")
      guard let v else { return nil }
      return (start, v)
    }
    let l = location(loc, 2)
    startAt(l, startToken)
    endAt(l, startToken)
    return (start, start)
  }

  mutating func parseReserved(_ parts: inout MessageParts, _ msgLoc: Loc) -> Bool {
    let startToken = cur
    guard consume(.reserved) else { return false }
    if let done = parseReservedIdentifiers(&parts.reservedName, msgLoc, namesField: 10, start: startToken) {
      return done
    }
    if cur.kind == .string {
      let loc = location(msgLoc, 10)
      defer { end(loc) }
      startAt(loc, startToken)
      return parseReservedNames(&parts.reservedName, loc, "Expected field name.")
    }
    let loc = location(msgLoc, 9)
    defer { end(loc) }
    startAt(loc, startToken)
    var first = true
    repeat {
      let l = location(loc, parts.reservedRange.count)
      defer { end(l) }
      var range = MessageProto.ReservedRange()
      defer { parts.reservedRange.append(range) }
      let err = first ? "Expected field name or number range." : "Expected field number range."
      guard let (start, endValue) = parseRange(l, firstError: err) else { return false }
      range.start = start
      range.end = endValue &+ 1
      first = false
    } while tryConsume(.comma)
    return consumeEndOfDeclaration(.semicolon, loc)
  }

  mutating func parseReservedNames(_ names: inout [String], _ loc: Loc, _ error: String) -> Bool {
    repeat {
      let l = location(loc, names.count)
      defer { end(l) }
      names.append("")
      guard let s = consumeString(error) else { return false }
      names[names.count - 1] = s
    } while tryConsume(.comma)
    return consumeEndOfDeclaration(.semicolon, loc)
  }

  // MARK: - extend and oneof

  mutating func parseExtend(
    _ exts: inout [FieldProto], _ msgs: inout [MessageProto], _ parentLoc: Loc,
    _ nestedField: Int32, _ extendLoc: Loc
  ) -> Bool {
    guard consume(.extend) else { return false }
    let extendeeStart = cur
    var extendee = ""
    guard parseUserDefinedType(&extendee) else { return false }
    let extendeeEnd = previous
    guard consumeEndOfDeclaration(.lBrace, extendLoc) else { return false }
    repeat {
      if atEnd {
        addError("Reached end of input in extend definition (missing '}').")
        return false
      }
      let loc = location(extendLoc, exts.count)
      defer { end(loc) }
      var field = FieldProto()
      let el = location(loc, 2)
      startAt(el, extendeeStart)
      endAt(el, extendeeEnd)
      field.extendee = extendee
      if !parseMessageField(&field, &msgs, parentLoc, nestedField, loc) {
        exts.append(field)
        skipStatement()
      } else {
        exts.append(field)
      }
    } while !tryConsumeEndOfDeclaration(.rBrace, nil)
    return true
  }

  mutating func parseOneof(
    _ oneof: inout OneofProto, _ parts: inout MessageParts, _ index: Int, _ oneofLoc: Loc,
    _ msgLoc: Loc
  ) -> Bool {
    guard consume(.oneof) else { return false }
    do {
      let l = location(oneofLoc, 1)
      defer { end(l) }
      guard let name = consumeIdentifier("Expected oneof name.") else { return false }
      oneof.name = name
    }
    guard consumeEndOfDeclaration(.lBrace, oneofLoc) else { return false }
    var opts: [Uninterpreted]? = nil
    defer { if let opts { oneof.options.uninterpretedOption = opts } }
    repeat {
      if atEnd {
        addError("Reached end of input in oneof definition (missing '}').")
        return false
      }
      if looking(at: .option) {
        let l = location(oneofLoc, 2)
        defer { end(l) }
        if !parseOption(&opts, l, statement: true) { return false }
        continue
      }
      if looking(at: .required) || looking(at: .optional) || looking(at: .repeated) {
        addError("Fields in oneofs must not have labels (required / optional / repeated).")
        next()
      }
      let fl = location(msgLoc, 2, parts.field.count)
      defer { end(fl) }
      var field = FieldProto()
      field.label = .optional
      field.oneofIndex = Int32(index)
      let ok = parseMessageFieldNoLabel(&field, &parts.nestedType, msgLoc, 3, fl)
      parts.field.append(field)
      if !ok { skipStatement() }
    } while !tryConsumeEndOfDeclaration(.rBrace, nil)
    return true
  }
}
