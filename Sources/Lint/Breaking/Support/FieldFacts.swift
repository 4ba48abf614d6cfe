// Facts about fields that several rules compare: how buf names a field in messages, its
// kind, cardinality and presence, and the wire / wire+JSON compatibility groups.
import Basics
import Diagnostics
import Proto
import SwiftProtobuf

typealias FieldType = Google_Protobuf_FieldDescriptorProto.TypeEnum

extension FieldNode {
  /// `Field "2" with name "name" on message "Pet"` (extensions: by full name on the extendee).
  var description: String { description(withName: isExtension ? fullName : name) }

  /// The description with an explicit name ("" leaves the name out).
  func description(withName name: String) -> String {
    let named = name.isEmpty ? "" : " with name \(quoted(name))"
    if isExtension {
      return "Extension \(quoted(String(number)))\(named) on message \(quoted(extendee))"
    }
    return "Field \(quoted(String(number)))\(named) on message \(quoted(message?.name ?? ""))"
  }

  /// protoreflect's kind: a delimited message field (proto2 group, editions DELIMITED) is a group.
  var type: FieldType { semantics.isDelimited ? .group : descriptor.type }

  /// protoreflect's kind name (`int32`, `message`, `group`, …); buf calls an editions
  /// delimited field a "message (delimited encoding)".
  var kindName: String {
    if type == .group && file.syntax != .proto2 { return "message (delimited encoding)" }
    return type.protoName
  }

  /// Whether the declared type is a message, group or enum (reported at the type name).
  var isNamedType: Bool { type == .message || type == .group || type == .enum }

  /// Whether the field is a map (a repeated field of a map entry message).
  func isMap(in schema: SchemaIndex) -> Bool {
    guard descriptor.label == .repeated, descriptor.type == .message else { return false }
    return schema.messages[typeName]?.isMapEntry ?? false
  }

  /// buf's cardinality of the field (protoreflect's, with editions presence as features).
  func cardinality(in schema: SchemaIndex) -> Cardinality {
    if descriptor.label == .repeated { return isMap(in: schema) ? .map : .repeated }
    if semantics.isRequired { return .required }
    return semantics.tracksPresence ? .optionalExplicit : .optionalImplicit
  }

  /// The containing message is a map entry (its fields are generated).
  var inMapEntry: Bool { message?.isMapEntry ?? false }
}

/// buf's field cardinality, with its message wording.
enum Cardinality: String {
  case optionalExplicit = "optional with explicit presence"
  case optionalImplicit = "optional with implicit presence"
  case required
  case repeated
  case map

  var wireGroup: Int {
    switch self {
    case .optionalExplicit, .optionalImplicit: 1
    case .required: 2
    case .repeated, .map: 3
    }
  }

  var wireJSONGroup: Int {
    switch self {
    case .optionalExplicit, .optionalImplicit: 1
    case .required: 2
    case .repeated: 3
    case .map: 4
    }
  }
}

extension FieldType {

  /// Kinds that read each other's wire encoding.
  var wireGroup: Int {
    switch self {
    case .int32, .int64, .uint32, .uint64, .bool: 1
    case .sint32, .sint64: 2
    case .string: 3
    case .bytes: 4
    case .fixed32, .sfixed32: 5
    case .fixed64, .sfixed64: 6
    case .double: 7
    case .float: 8
    case .group: 9
    case .message: 10
    case .enum: 11
    default: 0
    }
  }

  /// Kinds compatible on the wire and in JSON.
  var wireJSONGroup: Int {
    switch self {
    case .int32, .uint32: 1
    case .int64, .uint64: 2
    case .fixed32, .sfixed32: 3
    case .fixed64, .sfixed64: 4
    case .bool: 5
    case .sint32: 6
    case .sint64: 7
    case .string: 8
    case .bytes: 9
    case .double: 10
    case .float: 11
    case .group: 12
    case .message: 13
    case .enum: 14
    default: 0
    }
  }

  var is64BitInteger: Bool {
    self == .int64 || self == .sint64 || self == .uint64 || self == .fixed64 || self == .sfixed64
  }
}

/// Go's `%q` for the strings buf quotes (names, option values).
func quoted(_ s: String) -> String { GoString.quote(s) }

/// Go's `xstrings.JoinSliceQuoted`: each quoted, joined.
func joinQuoted(_ values: [String], _ separator: String = ", ") -> String {
  values.map(quoted).joined(separator: separator)
}
