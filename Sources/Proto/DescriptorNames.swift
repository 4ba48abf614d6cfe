import SwiftProtobuf

/// Names protobuf derives from descriptors, shared by the linker, the backends and the
/// checks so each rule is written once.
public enum DescriptorNames {
  /// protoc's `ToJsonName`: drop underscores, upper-case the ASCII letter after each.
  public static func defaultJSONName(_ name: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count)
    var upper = false
    for c in name.utf8 {
      if c == 95 {
        upper = true
      } else if upper {
        out.append((c >= 97 && c <= 122) ? c - 32 : c)
        upper = false
      } else {
        out.append(c)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension Google_Protobuf_FieldDescriptorProto.TypeEnum {
  /// The type's keyword as written in a .proto file (`int64`, `message`, `group`, …).
  public var protoName: String {
    switch self {
    case .double: "double"
    case .float: "float"
    case .int64: "int64"
    case .uint64: "uint64"
    case .int32: "int32"
    case .fixed64: "fixed64"
    case .fixed32: "fixed32"
    case .bool: "bool"
    case .string: "string"
    case .group: "group"
    case .message: "message"
    case .bytes: "bytes"
    case .uint32: "uint32"
    case .enum: "enum"
    case .sfixed32: "sfixed32"
    case .sfixed64: "sfixed64"
    case .sint32: "sint32"
    case .sint64: "sint64"
    }
  }
}
