// What a field or an enum means to protobuf's runtimes — presence, required, delimited
// encoding, closed enums — answered once from the resolved features, so that proto2, proto3
// and editions files get one answer. Lint, breaking and every backend ask here instead of
// reading labels, `proto3_optional` or the file's syntax.
import SwiftProtobuf

/// A field's runtime semantics (protoreflect's `HasPresence`, `Cardinality`, `Kind`).
public struct FieldSemantics: Sendable, Equatable {
  /// `repeated` (maps included).
  public var isRepeated: Bool
  /// proto2 `required` or editions `LEGACY_REQUIRED`.
  public var isRequired: Bool
  /// Whether a singular field tracks presence (protoreflect `HasPresence`): messages,
  /// oneof members, extensions, proto2 and proto3 `optional`, editions EXPLICIT.
  public var tracksPresence: Bool
  /// Whether the field is written as an optional scalar would be in proto2 or proto3: singular,
  /// not required, outside a real oneof, with explicit presence (proto3 `optional`, proto2
  /// `optional`, editions EXPLICIT). Plain proto3 message fields are not: they track presence
  /// without the keyword, as protobuf-go's `HasOptionalKeyword` says.
  public var hasOptionalKeyword: Bool
  /// A message encoded as a group: proto2 `group` or an editions DELIMITED message field
  /// (protoreflect's GroupKind). Map fields never are.
  public var isDelimited: Bool
  /// A member of a declared oneof (not proto3 `optional`'s synthetic one).
  public var isRealOneofMember: Bool
}

extension DescriptorIndex {
  /// The semantics of the field (or extension) at `path` in `file`. Reads the resolved values
  /// directly (no FeatureSet decoding): lint and breaking ask this for every field.
  public func fieldSemantics(file: String, path: [Int32]) -> FieldSemantics {
    guard let field = fieldDescriptor(file: file, path: path) else {
      return FieldSemantics(
        isRepeated: false, isRequired: false, tracksPresence: false, hasOptionalKeyword: false, isDelimited: false,
        isRealOneofMember: false)
    }
    let values = resolvedFeatureValues(file: file, path: path)
    let presence = values.value(FeatureNumber.fieldPresence)
    let isProto3 = self.file(file)?.descriptor.syntax == "proto3"
    let repeated = field.label == .repeated
    let required = !repeated && (field.label == .required || presence == FeatureConstant.legacyRequired)
    let realOneof = field.hasOneofIndex && !field.proto3Optional
    let messageLike = field.type == .message || field.type == .group
    let tracks =
      !repeated && (field.hasExtendee || messageLike || field.hasOneofIndex || presence != FeatureConstant.implicit)
    let explicit = presence == FeatureConstant.explicit
    let keyword = !repeated && !required && !realOneof && (field.proto3Optional || (!isProto3 && explicit))
    let delimited =
      field.type == .group
      || (field.type == .message && values.value(FeatureNumber.messageEncoding) == FeatureConstant.delimited
        && !isMapField(field))
    return FieldSemantics(
      isRepeated: repeated, isRequired: required, tracksPresence: tracks, hasOptionalKeyword: keyword,
      isDelimited: delimited, isRealOneofMember: realOneof)
  }

  /// Whether the enum at `path` in `file` is closed (proto2 enums, editions `CLOSED`).
  public func isClosedEnum(file: String, path: [Int32]) -> Bool {
    resolvedFeatureValues(file: file, path: path).value(FeatureNumber.enumType)
      == UInt64(Google_Protobuf_FeatureSet.EnumType.closed.rawValue)
  }

  /// Whether the enum named `fullName` (leading dot optional) is closed; false when unknown.
  public func isClosedEnum(_ fullName: String) -> Bool {
    guard let e = enumType(fullName) else { return false }
    return isClosedEnum(file: e.file, path: e.path)
  }

  /// A repeated field of a map entry type.
  func isMapField(_ field: Google_Protobuf_FieldDescriptorProto) -> Bool {
    field.label == .repeated && (message(field.typeName)?.descriptor.options.mapEntry ?? false)
  }

  /// The field or extension a SourceCodeInfo path names (`[4, m, (3, n)*, 2|6, f]` or `[7, x]`).
  func fieldDescriptor(file name: String, path: [Int32]) -> Google_Protobuf_FieldDescriptorProto? {
    guard let file = file(name)?.descriptor, path.count >= 2, path.count % 2 == 0 else { return nil }
    func index(_ k: Int, _ count: Int) -> Int? {
      let i = Int(path[k])
      return i >= 0 && i < count ? i : nil
    }
    if path.count == 2 {
      guard path[0] == 7, let i = index(1, file.extension.count) else { return nil }
      return file.extension[i]
    }
    guard path[0] == 4, let top = index(1, file.messageType.count) else { return nil }
    var m = file.messageType[top]
    var k = 2
    while k + 1 < path.count {
      let last = k + 2 == path.count
      switch path[k] {
      case 3 where !last:
        guard let i = index(k + 1, m.nestedType.count) else { return nil }
        m = m.nestedType[i]
      case 2 where last:
        return index(k + 1, m.field.count).map { m.field[$0] }
      case 6 where last:
        return index(k + 1, m.extension.count).map { m.extension[$0] }
      default:
        return nil
      }
      k += 2
    }
    return nil
  }
}

/// An element's resolved features read as numbers, without building a `FeatureSet` (rules that
/// ask for every field use this; ``DescriptorIndex/resolvedFeatures(file:path:)`` gives the message).
public struct ResolvedFeatureValues: Sendable {
  let values: FeatureValues

  /// The value of FeatureSet field `number` (an enum's number), if resolved.
  public func value(_ number: Int32) -> Int? { values.value(number).map { Int(Int64(bitPattern: $0)) } }

  /// The value of field `field` of a language feature extension (`pb.cpp`, `pb.java`, `pb.go`).
  public func language(_ language: Google_Protobuf_FeatureSet.Language, field: Int32) -> Int? {
    values.value(extension: language.rawValue, field: field).map { Int(Int64(bitPattern: $0)) }
  }
}

extension DescriptorIndex {
  /// The resolved features of the element at `path` in `file`, as numbers.
  public func featureValues(file: String, path: [Int32]) -> ResolvedFeatureValues {
    ResolvedFeatureValues(values: resolvedFeatureValues(file: file, path: path))
  }
}
