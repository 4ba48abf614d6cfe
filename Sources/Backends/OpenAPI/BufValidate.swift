// protovalidate rules (`(buf.validate.field)`, extension 1159 of FieldOptions) as JSON Schema
// keywords. Read straight from the options' wire bytes, so the user's import of
// buf/validate/validate.proto needs no support elsewhere. Rules without a JSON Schema
// equivalent (CEL, prefix/suffix, …) are left out.

import Proto

/// The schema keywords one field's protovalidate rules translate to.
struct BufValidateRules {
  /// `(buf.validate.field).required`: the property goes into the message's `required` list.
  var required = false
  /// Keywords to add to the field's schema, in a fixed order.
  var keywords: [(String, OpenAPIValue)] = []
  /// Rules of a 64-bit integer kind (their JSON is a string unless NUMBER encoding).
  var is64Bit = false

  init(_ field: FieldProto) {
    let rules = WireFields(Array(field.options.unknownFields.data))
    guard let bytes = rules.mergedMessage(1159) else { return }
    let r = WireFields(bytes)
    required = (r.lastScalar(25) ?? 0) != 0
    for f in r where f.wireType == 2 {
      let body = WireFields(Array(f.bytes))
      switch f.number {
      case 1...12:
        is64Bit = [4, 6, 8, 10, 12].contains(f.number)
        numeric(body, kind: f.number)
      case 14: string(body)
      case 18:
        uint(body, 1, "minItems")
        uint(body, 2, "maxItems")
        if (body.lastScalar(3) ?? 0) != 0 { keywords.append(("uniqueItems", .bool(true))) }
      case 19:
        uint(body, 1, "minProperties")
        uint(body, 2, "maxProperties")
      default: break
      }
    }
  }

  /// Adds the keywords to a field schema. For 64-bit integers written as JSON strings, bounds
  /// are dropped and allowed values become strings.
  func apply(to schema: inout OrderedObject) {
    let stringTyped = schema["type"] == .string("string")
    for (k, v) in keywords where !Self.collectionKeywords.contains(k) {
      if is64Bit, stringTyped {
        if ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].contains(k) { continue }
        schema[k] = Self.stringified(v)
      } else {
        schema[k] = v
      }
    }
  }

  /// Keywords about a list or map as a whole (the element schema gets the others).
  static let collectionKeywords: Set<String> = [
    "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
  ]

  /// Adds the list and map keywords to a list or map schema.
  func applyCollection(to schema: inout OrderedObject) {
    for (k, v) in keywords where Self.collectionKeywords.contains(k) { schema[k] = v }
  }

  private static func stringified(_ v: OpenAPIValue) -> OpenAPIValue {
    switch v {
    case .int(let i): return .string(String(i))
    case .array(let a): return .array(a.map(stringified))
    default: return v
    }
  }

  private mutating func uint(_ body: WireFields, _ number: Int32, _ keyword: String) {
    if let v = body.lastScalar(number) { keywords.append((keyword, .int(Int(clamping: v)))) }
  }

  private mutating func string(_ s: WireFields) {
    if let c = s.lastString(1) { keywords.append(("const", .string(c))) }
    if let len = s.lastScalar(19) {
      keywords.append(("minLength", .int(Int(clamping: len))))
      keywords.append(("maxLength", .int(Int(clamping: len))))
    }
    uint(s, 2, "minLength")
    uint(s, 3, "maxLength")
    if let p = s.lastString(6) { keywords.append(("pattern", .string(p))) }
    let allowed = s.all(10).map { OpenAPIValue.string(String(decoding: $0, as: UTF8.self)) }
    if !allowed.isEmpty { keywords.append(("enum", .array(allowed))) }
    let formats: [(Int32, String)] = [
      (12, "email"), (13, "hostname"), (14, "ip"), (15, "ipv4"), (16, "ipv6"), (17, "uri"), (18, "uri-reference"),
      (22, "uuid"),
    ]
    for (n, format) in formats where (s.lastScalar(n) ?? 0) != 0 {
      keywords.append(("format", .string(format)))
      break
    }
  }

  /// Numeric rules: const, lt/lte/gt/gte, in. `kind` is FieldRules' oneof number (1 float …
  /// 12 sfixed64), which fixes how the values are encoded.
  private mutating func numeric(_ n: WireFields, kind: Int32) {
    func value(_ raw: UInt64) -> OpenAPIValue {
      switch kind {
      case 1: return .double(Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
      case 2: return .double(Double(bitPattern: raw))
      case 3, 4, 12: return .int(Int(Int64(bitPattern: raw)))
      case 11: return .int(Int(Int32(truncatingIfNeeded: raw)))
      case 7, 8:  // zigzag
        return .int(Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))))
      default: return .int(Int(clamping: raw))
      }
    }
    let names: [(Int32, String)] = [
      (1, "const"), (5, "minimum"), (4, "exclusiveMinimum"), (3, "maximum"), (2, "exclusiveMaximum"),
    ]
    for (number, keyword) in names {
      if let raw = n.lastScalar(number) { keywords.append((keyword, value(raw))) }
    }
    var allowed: [OpenAPIValue] = []
    for f in n where f.number == 6 {
      if f.wireType == 2 {
        allowed += Self.packed(f.bytes, kind: kind).map(value)
      } else {
        allowed.append(value(f.scalar))
      }
    }
    if !allowed.isEmpty { keywords.append(("enum", .array(allowed))) }
  }

  /// Values of a packed repeated numeric field.
  private static func packed(_ bytes: ArraySlice<UInt8>, kind: Int32) -> [UInt64] {
    let data = Array(bytes)
    var out: [UInt64] = []
    var i = 0
    let fixedWidth: Int? = [1: 4, 9: 4, 11: 4, 2: 8, 10: 8, 12: 8][kind]
    while i < data.count {
      if let w = fixedWidth {
        guard i + w <= data.count else { break }
        var v: UInt64 = 0
        for k in 0..<w { v |= UInt64(data[i + k]) << (8 * UInt64(k)) }
        out.append(v)
        i += w
      } else {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while i < data.count, shift < 64 {
          let b = data[i]
          i += 1
          v |= UInt64(b & 0x7f) << shift
          shift += 7
          if b & 0x80 == 0 { break }
        }
        out.append(v)
      }
    }
    return out
  }
}
