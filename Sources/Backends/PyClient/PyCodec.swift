// How one proto value is spelled in Python and converted to and from its JSON under sebuf's
// mapping (reference §2.3): the annotation, its zero, and the encode/decode expressions,
// which call the helpers of the embedded runtime (Runtime/py/sebuf_client.py).

import Proto

/// One value's Python type and JSON conversions (`encode`/`decode` wrap an expression).
struct PyValueCodec {
  var type: String
  /// The default of a singular field; nil when the field is `Optional[…] = None`.
  var zero: String?
  var encode: (String) -> String
  var decode: (String) -> String

  static func identity(_ type: String, zero: String?, decode: String) -> PyValueCodec {
    PyValueCodec(type: type, zero: zero, encode: { $0 }, decode: { "\(decode)(\($0))" })
  }
}

/// Builds codecs for the values of one module, naming classes through `names`.
struct PyCodecs {
  let schema: ProtoSchema
  let names: PyTypeNames

  /// The codec of a field's single value (element of a list, value of a map): annotations
  /// on a map field apply to its values.
  func value(_ v: ValueShape, field: FieldProto, inMap: Bool = false) -> PyValueCodec {
    let a = field.sebuf
    switch v {
    case .scalar(let t): return scalar(t, a)
    case .enumType(let e):
      let n = names.name(e.fullName)
      let zero = e.descriptor.value.first { $0.number == 0 } ?? e.descriptor.value.first
      let encode: (String) -> String =
        a.enumEncoding == .number ? { "int(\($0))" } : { "_enum_out(\(n)_JSON_VALUES, \($0))" }
      return PyValueCodec(
        type: n, zero: zero.map { "\(n).\(PyNames.safe($0.name))" } ?? "\(n)(0)", encode: encode,
        decode: { "_enum_in(\(n), \(n)_JSON_VALUES, \($0))" })
    case .message(let m):
      let n = names.name(m.fullName)
      if inMap, schema.rootUnwrap(m) == nil, schema.mapValueUnwrap(m) != nil {
        return PyValueCodec(
          type: n, zero: nil, encode: { "\($0)._to_map_value()" }, decode: { "\(n)._from_map_value(\($0))" })
      }
      return PyValueCodec(type: n, zero: nil, encode: { "\($0).to_dict()" }, decode: { "\(n).from_dict(\($0))" })
    case .wellKnown(let name): return wellKnown(name, a)
    }
  }

  private func scalar(_ t: FieldProto.TypeEnum, _ a: FieldAnnotations) -> PyValueCodec {
    switch t {
    case .string: return .identity("str", zero: "\"\"", decode: "_str_in")
    case .bool: return .identity("bool", zero: "False", decode: "_bool_in")
    case .float, .double:
      return PyValueCodec(type: "float", zero: "0.0", encode: { "_float_out(\($0))" }, decode: { "_float_in(\($0))" })
    case .bytes:
      let e = PyLiteral.bytesEncoding(a.bytesEncoding)
      return PyValueCodec(
        type: "bytes", zero: "b\"\"", encode: { "_bytes_out(\($0), \(e))" }, decode: { "_bytes_in(\($0), \(e))" })
    default:
      if ProtoSchema.is64Bit(t), a.int64Encoding != .number {
        // Upstream's spelling: 64-bit integers are decimal strings unless NUMBER encoding.
        return PyValueCodec(type: "str", zero: "\"0\"", encode: { "str(\($0))" }, decode: { "_str_in(\($0))" })
      }
      return .identity("int", zero: "0", decode: "_int_in")
    }
  }

  private func wellKnown(_ name: String, _ a: FieldAnnotations) -> PyValueCodec {
    switch name {
    case "google.protobuf.Timestamp":
      let f = PyLiteral.timestampFormat(a.timestampFormat)
      return PyValueCodec(
        type: "datetime", zero: nil, encode: { "_timestamp_out(\($0), \(f))" },
        decode: { "_timestamp_in(\($0), \(f))" })
    case "google.protobuf.Duration", "google.protobuf.FieldMask", "google.protobuf.StringValue":
      return .identity("str", zero: nil, decode: "_str_in")
    case "google.protobuf.Int64Value", "google.protobuf.UInt64Value":
      return PyValueCodec(type: "str", zero: nil, encode: { "str(\($0))" }, decode: { "_str_in(\($0))" })
    case "google.protobuf.Int32Value", "google.protobuf.UInt32Value":
      return .identity("int", zero: nil, decode: "_int_in")
    case "google.protobuf.DoubleValue", "google.protobuf.FloatValue":
      return PyValueCodec(type: "float", zero: nil, encode: { "_float_out(\($0))" }, decode: { "_float_in(\($0))" })
    case "google.protobuf.BoolValue": return .identity("bool", zero: nil, decode: "_bool_in")
    case "google.protobuf.BytesValue":
      return PyValueCodec(
        type: "bytes", zero: nil, encode: { "_bytes_out(\($0), \"base64\")" },
        decode: { "_bytes_in(\($0), \"base64\")" })
    case "google.protobuf.Struct", "google.protobuf.Any", "google.protobuf.Empty":
      return .identity("dict[str, Any]", zero: nil, decode: "_dict_in")
    case "google.protobuf.ListValue": return .identity("list[Any]", zero: nil, decode: "_list_in")
    default: return .identity("Any", zero: nil, decode: "_any_in")
    }
  }

  /// A request or response type: a generated class, or a well-known type's JSON form.
  func message(_ typeName: String) -> PyValueCodec {
    let name = ProtoSchema.trimDot(typeName)
    if let m = schema.message(name), !ProtoSchema.wellKnownJSON.contains(name) {
      let n = names.name(m.fullName)
      return PyValueCodec(type: n, zero: nil, encode: { "\($0).to_dict()" }, decode: { "\(n).from_dict(\($0))" })
    }
    return wellKnown(name, FieldAnnotations())
  }

  /// How a map key is written as a JSON object key and read back, and its Python type.
  func mapKey(_ t: FieldProto.TypeEnum) -> (type: String, encode: (String) -> String, decode: (String) -> String) {
    switch t {
    case .string: return ("str", { $0 }, { $0 })
    case .bool: return ("bool", { "_bool_text(\($0))" }, { "\($0) == \"true\"" })
    default:
      if ProtoSchema.is64Bit(t) { return ("str", { $0 }, { $0 }) }
      return ("int", { "str(\($0))" }, { "int(\($0))" })
    }
  }
}

/// Python literals of annotation values, as the runtime's helpers take them.
enum PyLiteral {
  static func bytesEncoding(_ e: BytesEncoding?) -> String {
    switch e {
    case .base64Raw?: return "\"base64_raw\""
    case .base64URL?: return "\"base64url\""
    case .base64URLRaw?: return "\"base64url_raw\""
    case .hex?: return "\"hex\""
    default: return "\"base64\""
    }
  }

  static func timestampFormat(_ f: TimestampFormat?) -> String {
    switch f {
    case .unixSeconds?: return "\"unix_seconds\""
    case .unixMillis?: return "\"unix_millis\""
    case .date?: return "\"date\""
    default: return "\"rfc3339\""
    }
  }
}
