import SwiftProtobuf

/// Encoding one option value (protoc's `SetOptionValue`): checks the written value
/// against the option field's type and returns its wire record.
extension FileLinker {
  func optionValue(_ f: FieldInfo, _ ctx: OptionContext) -> [UInt8]? {
    let u = ctx.option
    var w = WireWriter()
    guard let type = f.type else { return nil }
    switch type {
    case .int32, .sint32, .sfixed32:
      let v: Int64
      if u.hasPositiveIntValue {
        guard u.positiveIntValue <= UInt64(Int32.max) else {
          return optionValueError(
            "Value out of range, -2147483648 to 2147483647, for int32 option \"\(f.fullName)\".", ctx)
        }
        v = Int64(u.positiveIntValue)
      } else if u.hasNegativeIntValue {
        guard u.negativeIntValue >= Int64(Int32.min) else {
          return optionValueError(
            "Value out of range, -2147483648 to 2147483647, for int32 option \"\(f.fullName)\".", ctx)
        }
        v = u.negativeIntValue
      } else {
        return optionValueError(
          "Value must be integer, from -2147483648 to 2147483647, for int32 option \"\(f.fullName)\".", ctx)
      }
      Self.writeSigned32(&w, f, Int32(v))
    case .int64, .sint64, .sfixed64:
      let v: Int64
      if u.hasPositiveIntValue {
        guard u.positiveIntValue <= UInt64(Int64.max) else {
          return optionValueError(
            "Value out of range, -9223372036854775808 to 9223372036854775807, for int64 option \"\(f.fullName)\".", ctx)
        }
        v = Int64(u.positiveIntValue)
      } else if u.hasNegativeIntValue {
        v = u.negativeIntValue
      } else {
        return optionValueError(
          "Value must be integer, from -9223372036854775808 to 9223372036854775807, for int64 option \"\(f.fullName)\".",
          ctx)
      }
      Self.writeSigned64(&w, f, v)
    case .uint32, .fixed32:
      guard u.hasPositiveIntValue else {
        return optionValueError(
          "Value must be integer, from 0 to 4294967295, for uint32 option \"\(f.fullName)\".", ctx)
      }
      guard u.positiveIntValue <= UInt64(UInt32.max) else {
        return optionValueError("Value out of range, 0 to 4294967295, for uint32 option \"\(f.fullName)\".", ctx)
      }
      if type == .fixed32 {
        w.tag(f.number, .fixed32)
        w.fixed32(UInt32(u.positiveIntValue))
      } else {
        w.tag(f.number, .varint)
        w.varint(u.positiveIntValue)
      }
    case .uint64, .fixed64:
      guard u.hasPositiveIntValue else {
        return optionValueError(
          "Value must be integer, from 0 to 18446744073709551615, for uint64 option \"\(f.fullName)\".", ctx)
      }
      if type == .fixed64 {
        w.tag(f.number, .fixed64)
        w.fixed64(u.positiveIntValue)
      } else {
        w.tag(f.number, .varint)
        w.varint(u.positiveIntValue)
      }
    case .float, .double:
      let d: Double
      if u.hasDoubleValue {
        d = u.doubleValue
      } else if u.hasPositiveIntValue {
        d = Double(u.positiveIntValue)
      } else if u.hasNegativeIntValue {
        d = Double(u.negativeIntValue)
      } else if u.identifierValue == "inf" {
        d = .infinity
      } else if u.identifierValue == "nan" {
        d = .nan
      } else {
        let t = type == .float ? "float" : "double"
        return optionValueError("Value must be number for \(t) option \"\(f.fullName)\".", ctx)
      }
      if type == .float {
        w.tag(f.number, .fixed32)
        w.fixed32(Float(d).bitPattern)
      } else {
        w.tag(f.number, .fixed64)
        w.fixed64(d.bitPattern)
      }
    case .bool:
      guard u.hasIdentifierValue else {
        return optionValueError("Value must be identifier for boolean option \"\(f.fullName)\".", ctx)
      }
      guard u.identifierValue == "true" || u.identifierValue == "false" else {
        return optionValueError("Value must be \"true\" or \"false\" for boolean option \"\(f.fullName)\".", ctx)
      }
      w.tag(f.number, .varint)
      w.varint(u.identifierValue == "true" ? 1 : 0)
    case .enum:
      guard u.hasIdentifierValue else {
        return optionValueError("Value must be identifier for enum-valued option \"\(f.fullName)\".", ctx)
      }
      guard let e = f.enumType else { return nil }
      let name = u.identifierValue
      let sibling = qualify(e.fullName.parentScope, name)
      var value: EnumValueInfo?
      var inThisPool = false
      if case .enumType(let pe)? = pool.lookup(e.fullName), pe === e { inThisPool = true }
      if !inThisPool {
        value = e.valuesByName[name]  // the standard descriptor.proto's enums
      } else if case .enumValue(let v)? = pool.lookup(sibling) {
        if v.enumType !== e {
          return optionValueError(
            "Enum type \"\(e.fullName)\" has no value named \"\(name)\" for option \"\(f.fullName)\". This appears to be a value from a sibling type.",
            ctx)
        }
        value = v
      }
      guard let v = value else {
        return optionValueError(
          "Enum type \"\(e.fullName)\" has no value named \"\(name)\" for option \"\(f.fullName)\".", ctx)
      }
      w.tag(f.number, .varint)
      w.varint(UInt64(bitPattern: Int64(v.number)))
    case .string, .bytes:
      guard u.hasStringValue else {
        return optionValueError("Value must be quoted string for string option \"\(f.fullName)\".", ctx)
      }
      w.lengthDelimited(f.number, [UInt8](u.stringValue))
    case .message, .group:
      guard u.hasAggregateValue else {
        return optionValueError(
          "Option \"\(f.fullName)\" is a message. To set the entire message, use syntax like \"\(f.name) = { <proto text format> }\". To set fields within it, use syntax like \"\(f.name).foo = value\".",
          ctx)
      }
      guard let m = f.message else { return nil }
      var parser = TextFormatParser(text: u.aggregateValue, linker: self)
      guard let payload = parser.parseMessage(m) else {
        return optionValueError(
          "Error while parsing option value for \"\(f.name)\": \(parser.errors.joined(separator: "; "))", ctx)
      }
      if type == .group {
        w.tag(f.number, .startGroup)
        w.bytes += payload
        w.tag(f.number, .endGroup)
      } else {
        w.lengthDelimited(f.number, payload)
      }
    }
    return w.bytes
  }

  static func writeSigned32(_ w: inout WireWriter, _ f: FieldInfo, _ v: Int32) {
    switch f.type {
    case .sfixed32:
      w.tag(f.number, .fixed32)
      w.fixed32(UInt32(bitPattern: v))
    case .sint32:
      w.tag(f.number, .varint)
      w.varint(WireWriter.zigzag32(v))
    default:
      w.tag(f.number, .varint)
      w.varint(UInt64(bitPattern: Int64(v)))
    }
  }

  static func writeSigned64(_ w: inout WireWriter, _ f: FieldInfo, _ v: Int64) {
    switch f.type {
    case .sfixed64:
      w.tag(f.number, .fixed64)
      w.fixed64(UInt64(bitPattern: v))
    case .sint64:
      w.tag(f.number, .varint)
      w.varint(WireWriter.zigzag64(v))
    default:
      w.tag(f.number, .varint)
      w.varint(UInt64(bitPattern: v))
    }
  }
}
