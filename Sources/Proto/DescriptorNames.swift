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

  /// protoc's `ShortEditionName`: the `Edition` enum value's name without `EDITION_`
  /// (`2023`, `PROTO3`, `MAX`), empty for a number the enum does not name.
  public static func editionName(_ edition: Int32) -> String {
    switch edition {
    case 0: "UNKNOWN"
    case 900: "LEGACY"
    case 998: "PROTO2"
    case 999: "PROTO3"
    case 1000: "2023"
    case 1001: "2024"
    case 1002: "2026"
    case 9999: "UNSTABLE"
    case 1: "1_TEST_ONLY"
    case 2: "2_TEST_ONLY"
    case 99997: "99997_TEST_ONLY"
    case 99998: "99998_TEST_ONLY"
    case 99999: "99999_TEST_ONLY"
    case Int32.max: "MAX"
    default: ""
    }
  }

  /// The edition a file is written in, as protoc's `FileDescriptor::edition()` numbers it:
  /// its `edition` for `syntax = "editions"`, else PROTO3 or PROTO2 (998).
  public static func edition(of file: Google_Protobuf_FileDescriptorProto) -> Int32 {
    switch file.syntax {
    case "editions": Int32(file.edition.rawValue)
    case "proto3": 999
    default: 998
    }
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
