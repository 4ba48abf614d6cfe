// The view of an Image that the OpenAPI and TypeScript backends share: what a field's JSON
// looks like (its shape), which messages a set of services reaches, and where things are
// declared (for spans and comments). Everything here is derived from the HTTP model and the
// descriptors; no backend decodes sebuf options itself.

import Diagnostics
import Foundation
import Proto
import SwiftProtobuf

typealias FieldProto = Google_Protobuf_FieldDescriptorProto

/// How one field value is represented in JSON, before `repeated`/map wrapping.
enum ValueShape {
  /// A proto scalar (string, bytes, bool, numbers).
  case scalar(FieldProto.TypeEnum)
  case enumType(EnumEntry)
  case message(MessageEntry)
  /// A well-known type with its own JSON form (`google.protobuf.Timestamp`, …).
  case wellKnown(String)
}

/// A field's full JSON shape: a single value, a list, or a string-keyed map.
enum FieldShape {
  case single(ValueShape)
  case list(ValueShape)
  case map(key: FieldProto.TypeEnum, value: ValueShape, valueField: FieldProto)
}

/// One field of a message together with where it lives in the source.
struct FieldRef {
  var message: MessageEntry
  var index: Int
  var proto: FieldProto { message.descriptor.field[index] }
  var sourcePath: [Int32] { message.path + [2, Int32(index)] }
  /// Whether the field belongs to a real (not proto3-optional synthetic) oneof.
  var isRealOneofMember: Bool { proto.hasOneofIndex && !proto.proto3Optional }
}

/// Lookup helpers over a ``DescriptorIndex``.
struct ProtoSchema {
  let index: DescriptorIndex

  init(_ image: Image) { index = DescriptorIndex(image) }

  func message(_ typeName: String) -> MessageEntry? { index.message(Self.trimDot(typeName)) }
  func enumType(_ typeName: String) -> EnumEntry? { index.enumType(Self.trimDot(typeName)) }

  static func trimDot(_ name: String) -> String {
    name.hasPrefix(".") ? String(name.dropFirst()) : name
  }

  /// Well-known types whose JSON is not an object of their fields.
  static let wellKnownJSON: Set<String> = [
    "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask",
    "google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue",
    "google.protobuf.Any", "google.protobuf.Empty", "google.protobuf.NullValue",
    "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
    "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
    "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue",
  ]

  /// Presence and encoding of a field from its resolved features (proto2, proto3 and editions alike).
  func semantics(_ ref: FieldRef) -> FieldSemantics {
    index.fieldSemantics(file: ref.message.file, path: ref.sourcePath)
  }

  func fields(of message: MessageEntry) -> [FieldRef] {
    message.descriptor.field.indices.map { FieldRef(message: message, index: $0) }
  }

  /// The JSON value shape of a non-repeated field (or of a list/map element).
  func valueShape(_ field: FieldProto) -> ValueShape {
    switch field.type {
    case .message, .group:
      let name = Self.trimDot(field.typeName)
      if Self.wellKnownJSON.contains(name) { return .wellKnown(name) }
      if let m = message(name) { return .message(m) }
      return .wellKnown(name)
    case .enum:
      let name = Self.trimDot(field.typeName)
      if name == "google.protobuf.NullValue" { return .wellKnown(name) }
      if let e = enumType(name) { return .enumType(e) }
      return .scalar(.string)
    default:
      return .scalar(field.type)
    }
  }

  func shape(_ field: FieldProto) -> FieldShape {
    if field.label == .repeated {
      if field.type == .message, let entry = message(field.typeName), entry.descriptor.options.mapEntry,
        entry.descriptor.field.count == 2
      {
        let value = entry.descriptor.field[1]
        return .map(key: entry.descriptor.field[0].type, value: valueShape(value), valueField: value)
      }
      return .list(valueShape(field))
    }
    return .single(valueShape(field))
  }

  /// The JSON name of a field (protoc and sebuf's compiler both fill `json_name`).
  static func jsonName(_ field: FieldProto) -> String {
    field.hasJsonName && !field.jsonName.isEmpty ? field.jsonName : DescriptorNames.defaultJSONName(field.name)
  }

  static func is64Bit(_ type: FieldProto.TypeEnum) -> Bool {
    switch type {
    case .int64, .uint64, .sint64, .fixed64, .sfixed64: return true
    default: return false
    }
  }

  static func isUnsigned(_ type: FieldProto.TypeEnum) -> Bool {
    switch type {
    case .uint32, .fixed32, .uint64, .fixed64: return true
    default: return false
    }
  }

  /// The unwrapped field when the whole message serialises as that list or map ("root unwrap").
  func rootUnwrap(_ message: MessageEntry) -> FieldProto? {
    let fields = message.descriptor.field
    guard fields.count == 1, fields[0].sebuf.unwrap, fields[0].label == .repeated else { return nil }
    return fields[0]
  }

  /// The list field that replaces a message when it is used as a map value ("map-value unwrap").
  func mapValueUnwrap(_ message: MessageEntry) -> FieldProto? {
    message.descriptor.field.first { $0.sebuf.unwrap && $0.label == .repeated && !isMap($0) }
  }

  func isMap(_ field: FieldProto) -> Bool {
    if case .map = shape(field) { return true }
    return false
  }

  /// Whether a field can be written as one URL segment or query value.
  func isURLScalar(_ field: FieldProto) -> Bool {
    switch valueShape(field) {
    case .scalar, .enumType: return true
    case .message, .wellKnown: return false
    }
  }

  /// Span of an element, falling back to the file when there is no source info.
  func span(file: String, path: [Int32]) -> Span {
    index.span(file: file, path: path) ?? .file(index.file(file)?.displayPath ?? file)
  }

  func comment(file: String, path: [Int32]) -> String? {
    guard let c = index.leadingComments(file: file, path: path) else { return nil }
    let trimmed = c.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.hasPrefix(" ") ? String($0.dropFirst()) : String($0) }
      .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }
}

/// Collects the messages and enums a set of routes reaches, in discovery order.
struct Reachability {
  var messages: [MessageEntry] = []
  var enums: [EnumEntry] = []
  private var seen: Set<String> = []

  /// A depth-first walk in field order with an explicit stack (children pushed in reverse,
  /// so the order is the recursive pre-order), so a long chain of messages costs no recursion.
  init(schema: ProtoSchema, roots: [String]) {
    var stack = roots.reversed().map { ProtoSchema.trimDot($0) }
    while let name = stack.popLast() {
      guard !seen.contains(name), !ProtoSchema.wellKnownJSON.contains(name) else { continue }
      seen.insert(name)
      if let e = schema.enumType(name) {
        enums.append(e)
        continue
      }
      guard let m = schema.message(name) else { continue }
      if !m.descriptor.options.mapEntry { messages.append(m) }
      let children = m.descriptor.field.filter { $0.type == .message || $0.type == .enum || $0.type == .group }
      stack += children.reversed().map { ProtoSchema.trimDot($0.typeName) }
    }
  }
}

/// Case conversions shared by the TypeScript and OpenAPI backends.
enum Naming {
  static func lowerFirst(_ s: String) -> String {
    guard let f = s.first else { return s }
    return f.lowercased() + s.dropFirst()
  }

  static func upperFirst(_ s: String) -> String {
    guard let f = s.first else { return s }
    return f.uppercased() + s.dropFirst()
  }

  /// The name of a message or enum without its package, nested names joined: `Outer.Inner` →
  /// `OuterInner`.
  static func hoisted(fullName: String, package: String) -> String {
    relative(fullName: fullName, package: package).replacingOccurrences(of: ".", with: "")
  }

  static func relative(fullName: String, package: String) -> String {
    package.isEmpty ? fullName : String(fullName.dropFirst(package.count + 1))
  }

  /// The default route path of a method without `(sebuf.http.config)` in the TS backends
  /// (and, for consistency with them, OpenAPI): `<base>/<lowerFirst(method)>`.
  static func routePath(_ route: HTTPRoute, service: HTTPService) -> String {
    if route.hasConfig { return route.fullPath }
    let base = service.basePath ?? ""
    var b = base.hasPrefix("/") || base.isEmpty ? base : "/" + base
    while b.hasSuffix("/") { b.removeLast() }
    return b + "/" + lowerFirst(route.name)
  }
}
