import SwiftProtobuf

/// A message as the linker knows it once its file has been registered: enough to
/// resolve names, check field and extension numbers, and encode option values.
final class MessageInfo: @unchecked Sendable {
  let fullName: String
  let file: Int
  let isProto3: Bool
  var isMapEntry = false
  var messageSetWireFormat = false
  /// Why other files may not use the message (edition 2024's visibility); nil when exported.
  var localReason: String?
  var fields: [FieldInfo] = []
  var fieldsByName: [String: FieldInfo] = [:]
  var fieldsByNumber: [Int32: FieldInfo] = [:]
  /// Extensions of this message, by number (from every linked file).
  var extensionsByNumber: [Int32: FieldInfo] = [:]
  /// Half-open `[start, end)` extension ranges.
  var extensionRanges: [(Int32, Int32)] = []
  /// Half-open `[start, end)` reserved ranges.
  var reservedRanges: [(Int32, Int32)] = []
  var oneofNames: [String] = []
  /// Children, parallel to the descriptor (for later passes).
  var nested: [MessageInfo] = []
  var enums: [EnumInfo] = []
  var extensions: [FieldInfo] = []

  init(fullName: String, file: Int, isProto3: Bool) {
    self.fullName = fullName
    self.file = file
    self.isProto3 = isProto3
  }

  var name: String { fullName.lastComponent }

  func extensionRangeContains(_ n: Int32) -> Bool {
    extensionRanges.contains { n >= $0.0 && n < $0.1 }
  }

  /// protoc 36's suggestion after a field-number clash: walking the sorted, distinct
  /// (first, last) pairs of fields, extension ranges and reserved ranges from 1, the
  /// first number not covered before a gap; nil when it exceeds the maximum.
  func nextAvailableFieldNumber(max: Int64) -> Int64? {
    var used = Set<[Int64]>()
    for f in fields { used.insert([Int64(f.number), Int64(f.number)]) }
    for r in extensionRanges + reservedRanges { used.insert([Int64(r.0), Int64(r.1) - 1]) }
    var proposed: Int64 = 1
    for pair in used.sorted(by: { ($0[0], $0[1]) < ($1[0], $1[1]) }) {
      guard pair[0] <= proposed && proposed <= pair[1] else { break }
      proposed = pair[1] + 1
    }
    return proposed <= max ? proposed : nil
  }
}

/// A field or extension.
final class FieldInfo: @unchecked Sendable {
  typealias Kind = Google_Protobuf_FieldDescriptorProto.TypeEnum
  let name: String
  let fullName: String
  let number: Int32
  let file: Int
  let label: Google_Protobuf_FieldDescriptorProto.Label
  var type: Kind?
  var message: MessageInfo?
  var enumType: EnumInfo?
  /// For fields, the message declaring it; for extensions, the extendee once resolved.
  var containing: MessageInfo?
  let isExtension: Bool
  var packedOption: Bool?
  var proto3Optional = false
  var inOneof = false
  /// An editions field with `field_presence = LEGACY_REQUIRED`.
  var legacyRequired = false
  var oneofIndex: Int32 = -1
  let isProto3File: Bool

  init(
    name: String, fullName: String, number: Int32, file: Int, label: Google_Protobuf_FieldDescriptorProto.Label,
    type: Kind?, isExtension: Bool, isProto3File: Bool
  ) {
    self.name = name
    self.fullName = fullName
    self.number = number
    self.file = file
    self.label = label
    self.type = type
    self.isExtension = isExtension
    self.isProto3File = isProto3File
  }

  var isRepeated: Bool { label == .repeated }
  /// proto2 `required` or editions `LEGACY_REQUIRED`: a parsed message must set it.
  var isRequired: Bool { label == .required || legacyRequired }
  var isMessageLike: Bool { type == .message || type == .group }

  /// Whether repeated values are written packed (proto3 default, proto2 opt-in).
  var isPacked: Bool {
    guard isRepeated, let t = type, t.isPackable else { return false }
    return packedOption ?? isProto3File
  }
}

final class EnumInfo: @unchecked Sendable {
  let fullName: String
  let file: Int
  var values: [EnumValueInfo] = []
  var valuesByName: [String: EnumValueInfo] = [:]
  /// Why other files may not use the enum (edition 2024's visibility); nil when exported.
  var localReason: String?
  /// Whether the enum is closed (its resolved `enum_type` feature), known once its file's
  /// options are interpreted; nil before.
  var isClosed: Bool?
  init(fullName: String, file: Int) {
    self.fullName = fullName
    self.file = file
  }
  var name: String { fullName.lastComponent }
}

final class EnumValueInfo: @unchecked Sendable {
  let name: String
  let fullName: String
  let number: Int32
  unowned let enumType: EnumInfo
  init(name: String, fullName: String, number: Int32, enumType: EnumInfo) {
    self.name = name
    self.fullName = fullName
    self.number = number
    self.enumType = enumType
  }
}

/// What a fully-qualified name denotes, as protoc's `Symbol`.
enum Symbol {
  case package(file: Int)
  case message(MessageInfo)
  case enumType(EnumInfo)
  case enumValue(EnumValueInfo)
  case field(FieldInfo)
  case oneof(file: Int)
  case service(file: Int)
  case method(file: Int)

  var file: Int {
    switch self {
    case .package(let f), .oneof(let f), .service(let f), .method(let f): f
    case .message(let m): m.file
    case .enumType(let e): e.file
    case .enumValue(let v): v.enumType.file
    case .field(let f): f.file
    }
  }

  /// Messages, enums, packages and services can contain names (protoc's IsAggregate).
  var isAggregate: Bool {
    switch self {
    case .message, .enumType, .package, .service: true
    default: false
    }
  }

  var isType: Bool {
    switch self {
    case .message, .enumType: true
    default: false
    }
  }

  var isPackage: Bool {
    if case .package = self { return true }
    return false
  }

  var isField: Bool {
    if case .field = self { return true }
    return false
  }

  /// How protoc names the kind in "already defined" errors.
  var kindDescription: String {
    switch self {
    case .package: "package"
    case .message: "message"
    case .enumType: "enum"
    case .enumValue: "enum value"
    case .field: "field"
    case .oneof: "oneof"
    case .service: "service"
    case .method: "method"
    }
  }
}

/// Every symbol of every linked file, by fully-qualified name (no leading dot).
/// Files are linked in dependency order, so a file only sees its predecessors.
final class SymbolPool: @unchecked Sendable {
  var symbols: [String: Symbol] = [:]
  /// File names (import paths) by index.
  var fileNames: [String] = []
  /// Packages each file declares, with all their parent packages.
  var filePackages: [String] = []

  func lookup(_ fullName: String) -> Symbol? { symbols[fullName] }

  func isInPackage(file: Int, _ name: String) -> Bool {
    let pkg = filePackages[file]
    return pkg == name
      || (pkg.hasPrefix(name) && pkg.utf8.count > name.utf8.count
        && pkg.utf8[pkg.utf8.index(pkg.utf8.startIndex, offsetBy: name.utf8.count)] == UInt8(ascii: "."))
  }
}

extension Google_Protobuf_FieldDescriptorProto.TypeEnum {
  var isPackable: Bool {
    switch self {
    case .string, .bytes, .message, .group: false
    default: true
    }
  }
}

extension String {
  /// The part after the last dot.
  var lastComponent: String {
    if let i = lastIndex(of: ".") { return String(self[index(after: i)...]) }
    return self
  }
  /// The part before the last dot (empty when there is none).
  var parentScope: String {
    if let i = lastIndex(of: ".") { return String(self[..<i]) }
    return ""
  }
}

/// Joins a scope and a name with a dot (no dot when the scope is empty).
@inline(__always) func qualify(_ scope: String, _ name: String) -> String {
  scope.isEmpty ? name : scope + "." + name
}
