import SwiftProtobuf

/// `map<K, V>` as parsed, before the entry message is generated.
struct MapFieldInfo {
  var isMap = false
  var keyType: FieldProto.TypeEnum = .double
  var keyTypeName = ""
  var valueType: FieldProto.TypeEnum = .double
  var valueTypeName = ""
}

extension ProtoParser {
  mutating func parseMessageField(
    _ field: inout FieldProto, _ msgs: inout [MessageProto], _ parentLoc: Loc,
    _ nestedField: Int32, _ fieldLoc: Loc
  ) -> Bool {
    if let label = parseLabel(fieldLoc) {
      field.label = label
      if label == .optional && syntax == "proto3" { field.proto3Optional = true }
    }
    return parseMessageFieldNoLabel(&field, &msgs, parentLoc, nestedField, fieldLoc)
  }

  mutating func parseLabel(_ fieldLoc: Loc) -> FieldProto.Label? {
    let k = cur.keyword
    guard k == .optional || k == .repeated || k == .required else { return nil }
    checkEditionsLabel()
    let l = location(fieldLoc, 4)
    defer { end(l) }
    next()
    switch k {
    case .optional: return .optional
    case .repeated: return .repeated
    default: return .required
    }
  }

  mutating func parseMessageFieldNoLabel(
    _ field: inout FieldProto, _ msgs: inout [MessageProto], _ parentLoc: Loc,
    _ nestedField: Int32, _ fieldLoc: Loc
  ) -> Bool {
    var map = MapFieldInfo()
    do {
      let l = location(fieldLoc)
      defer { end(l) }
      var typeParsed = false
      var type: FieldProto.TypeEnum = .int32
      var typeName = ""
      if tryConsume(.map) {
        if looking(at: .lAngle) {
          map.isMap = true
          guard parseMapType(&map, &field, l) else { return false }
        } else {
          typeParsed = true
          typeName = "map"
        }
      }
      if !map.isMap {
        if !field.hasLabel && (syntax == "proto3" || isEditions) { field.label = .optional }
        if !field.hasLabel {
          addError("Expected \"required\", \"optional\", or \"repeated\".")
          field.label = .optional
        }
        if !typeParsed {
          guard parseType(&type, &typeName) else { return false }
        }
        if typeName.isEmpty {
          addPath(l, 5)
          field.type = type
        } else {
          addPath(l, 6)
          field.typeName = typeName
        }
      }
    }

    let nameToken = cur
    do {
      let l = location(fieldLoc, 1)
      defer { end(l) }
      guard let name = consumeIdentifier("Expected field name.") else { return false }
      field.name = name
    }
    guard consume(.equals, "Missing field number.") else { return false }
    do {
      let l = location(fieldLoc, 3)
      defer { end(l) }
      guard let number = consumeInteger("Expected field number.") else { return false }
      field.number = number
    }
    guard parseFieldOptions(&field, fieldLoc) else { return false }

    if field.hasType && field.type == .group {
      // A group declares a message and a field at once: overlapping locations.
      let gl = location(parentLoc)
      defer { end(gl) }
      startAt(gl, fieldLoc)
      addPath(gl, nestedField)
      addPath(gl, Int32(truncatingIfNeeded: msgs.count))
      var group = MessageProto()
      group.name = field.name
      let nl = location(gl, 1)
      startAt(nl, nameToken)
      endAt(nl, nameToken)
      let tl = location(fieldLoc, 6)
      startAt(tl, nameToken)
      endAt(tl, nameToken)
      if let first = group.name.utf8.first, first < UInt8(ascii: "A") || first > UInt8(ascii: "Z") {
        addError(at: nameToken, "Group names must start with a capital letter.")
      }
      field.name = asciiLowercased(field.name)
      field.typeName = group.name
      guard looking(at: .lBrace) else {
        msgs.append(group)
        addError("Missing group body.")
        return false
      }
      var parts = MessageParts()
      let ok = parseMessageBlock(&parts, gl)
      parts.assemble(into: &group)
      msgs.append(group)
      guard ok else { return false }
    } else {
      guard consumeEndOfDeclaration(.semicolon, fieldLoc) else { return false }
    }

    if map.isMap { generateMapEntry(map, &field, &msgs) }
    return true
  }

  mutating func parseMapType(_ map: inout MapFieldInfo, _ field: inout FieldProto, _ typeLoc: Loc) -> Bool {
    if field.hasOneofIndex {
      addError("Map fields are not allowed in oneofs.")
      return false
    }
    if field.hasLabel {
      addError("Field labels (required/optional/repeated) are not allowed on map fields.")
      return false
    }
    if field.hasExtendee {
      addError("Map fields are not allowed to be extensions.")
      return false
    }
    field.label = .repeated
    guard consume(.lAngle) else { return false }
    guard parseType(&map.keyType, &map.keyTypeName) else { return false }
    guard consume(.comma) else { return false }
    guard parseType(&map.valueType, &map.valueTypeName) else { return false }
    guard consume(.rAngle) else { return false }
    addPath(typeLoc, 6)
    return true
  }

  mutating func generateMapEntry(_ map: MapFieldInfo, _ field: inout FieldProto, _ msgs: inout [MessageProto]) {
    var entry = MessageProto()
    let name = mapEntryName(field.name)
    field.typeName = name
    entry.name = name
    entry.options.mapEntry = true
    var key = FieldProto()
    key.name = "key"
    key.label = .optional
    key.number = 1
    if map.keyTypeName.isEmpty { key.type = map.keyType } else { key.typeName = map.keyTypeName }
    var value = FieldProto()
    value.name = "value"
    value.label = .optional
    value.number = 2
    if map.valueTypeName.isEmpty {
      value.type = map.valueType
    } else {
      value.typeName = map.valueTypeName
    }
    // protoc copies `enforce_utf8` to string keys and values, and `features` (36.2) to both.
    if field.hasOptions {
      for o in field.options.uninterpretedOption where !o.name.isEmpty && !o.name[0].isExtension {
        if o.name.count == 1 && o.name[0].namePart == "enforce_utf8" {
          if key.hasType && key.type == .string { key.options.uninterpretedOption.append(o) }
          if value.hasType && value.type == .string { value.options.uninterpretedOption.append(o) }
        }
        if o.name[0].namePart == "features" {
          key.options.uninterpretedOption.append(o)
          value.options.uninterpretedOption.append(o)
        }
      }
    }
    entry.field = [key, value]
    msgs.append(entry)
  }

  /// `foo_bar` -> `FooBarEntry`.
  mutating func mapEntryName(_ fieldName: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(fieldName.utf8.count + 5)
    var capNext = true
    for b in fieldName.utf8 {
      if b == UInt8(ascii: "_") {
        capNext = true
      } else if capNext {
        out.append(b >= 97 && b <= 122 ? b - 32 : b)
        capNext = false
      } else {
        out.append(b)
      }
    }
    out.append(contentsOf: Array("Entry".utf8))
    return String(decoding: out, as: UTF8.self)
  }

  mutating func asciiLowercased(_ s: String) -> String {
    String(decoding: s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
  }

  mutating func parseType(_ type: inout FieldProto.TypeEnum, _ typeName: inout String) -> Bool {
    checkEditionsGroup()
    if let raw = cur.keyword.scalarType, let t = FieldProto.TypeEnum(rawValue: raw) {
      type = t
      next()
      return true
    }
    return parseUserDefinedType(&typeName)
  }

  mutating func parseUserDefinedType(_ out: inout String) -> Bool {
    out = ""
    if cur.keyword.scalarType != nil {
      addError("Expected message type.")
      out = text(cur)
      next()
      return true
    }
    if tryConsume(.dot) { out += "." }
    guard let first = consumeIdentifier("Expected type name.") else { return false }
    out += first
    while tryConsume(.dot) {
      out += "."
      guard let id = consumeIdentifier("Expected identifier.") else { return false }
      out += id
    }
    return true
  }

  // MARK: - Field options, default and json_name

  mutating func parseFieldOptions(_ field: inout FieldProto, _ fieldLoc: Loc) -> Bool {
    guard looking(at: .lBracket) else { return true }
    let l = location(fieldLoc, 8)
    defer { end(l) }
    guard consume(.lBracket) else { return false }
    var opts: [Uninterpreted]? = nil
    defer { if let opts { field.options.uninterpretedOption = opts } }
    repeat {
      if looking(at: .default) {
        guard parseDefaultAssignment(&field, fieldLoc) else { return false }
      } else if looking(at: .jsonName) {
        guard parseJsonName(&field, fieldLoc) else { return false }
      } else {
        guard parseOption(&opts, l, statement: false) else { return false }
      }
    } while tryConsume(.comma)
    return consume(.rBracket)
  }

  mutating func parseDefaultAssignment(_ field: inout FieldProto, _ fieldLoc: Loc) -> Bool {
    if field.hasDefaultValue {
      addError("Already set option \"default\".")
      field.clearDefaultValue()
    }
    guard consume(.default) else { return false }
    guard consume(.equals) else { return false }
    let l = location(fieldLoc, 7)
    defer { end(l) }
    field.defaultValue = ""
    guard field.hasType else {
      // A named type: message or enum is not known yet; keep the token as written.
      field.defaultValue = atEnd ? "" : text(cur)
      next()
      return true
    }
    switch field.type {
    case .int32, .int64, .sint32, .sint64, .sfixed32, .sfixed64:
      var max = UInt64(Int64.max)
      if field.type == .int32 || field.type == .sint32 || field.type == .sfixed32 {
        max = UInt64(Int32.max)
      }
      var prefix = ""
      if tryConsume(.minus) {
        prefix = "-"
        max += 1
      }
      field.defaultValue = prefix
      guard let v = consumeInteger64(max: max, "Expected integer for field default value.") else {
        return false
      }
      field.defaultValue = prefix + String(v)
    case .uint32, .uint64, .fixed32, .fixed64:
      var max = UInt64.max
      if field.type == .uint32 || field.type == .fixed32 { max = UInt64(UInt32.max) }
      if tryConsume(.minus) { addError("Unsigned field can't have negative default value.") }
      guard let v = consumeInteger64(max: max, "Expected integer for field default value.") else {
        return false
      }
      field.defaultValue = String(v)
    case .float, .double:
      var prefix = ""
      if tryConsume(.minus) { prefix = "-" }
      field.defaultValue = prefix
      guard let v = consumeNumber("Expected number.") else { return false }
      field.defaultValue = prefix + Literals.simpleDtoa(v)
    case .bool:
      if tryConsume(.true) {
        field.defaultValue = "true"
      } else if tryConsume(.false) {
        field.defaultValue = "false"
      } else {
        addError("Expected \"true\" or \"false\".")
        return false
      }
    case .string:
      guard let s = consumeString("Expected string for field default value.") else { return false }
      field.defaultValue = s
    case .bytes:
      guard let b = consumeStringBytes("Expected string.") else { return false }
      field.defaultValue = Literals.cEscape(b)
    case .enum:
      guard let s = consumeIdentifier("Expected enum identifier for field default value.") else {
        return false
      }
      field.defaultValue = s
    case .message, .group:
      addError("Messages can't have default values.")
      return false
    }
    return true
  }

  mutating func parseJsonName(_ field: inout FieldProto, _ fieldLoc: Loc) -> Bool {
    if field.hasJsonName {
      addError("Already set option \"json_name\".")
      field.clearJsonName()
    }
    let l = location(fieldLoc, 10)
    defer { end(l) }
    guard consume(.jsonName) else { return false }
    guard consume(.equals) else { return false }
    let vl = location(l)
    defer { end(vl) }
    field.jsonName = ""
    guard let s = consumeString("Expected string for JSON name.") else { return false }
    field.jsonName = s
    return true
  }
}
