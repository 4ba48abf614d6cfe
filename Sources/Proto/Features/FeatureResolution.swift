import SwiftProtobuf

extension DescriptorIndex {
  /// The element's features after protoc's resolution: the file's edition defaults, then the file's
  /// `features`, then each enclosing declaration's (a oneof's for its fields; an extension's
  /// declaring message, or the file, for an extension), then the element's own. For proto2/proto3
  /// files the features their syntax implies (protoc's legacy inference: LEGACY_REQUIRED for
  /// `required`, DELIMITED for groups, PACKED for `[packed = true]`, proto3's EXPANDED for
  /// `[packed = false]`, `pb.cpp.string_type = CORD` for `[ctype = CORD]`).
  ///
  /// One departure from protoc, so that `field_presence` answers "does this field track
  /// presence": a singular field that always has presence (message-typed, in a oneof, an
  /// extension, or proto3 `optional`) reports EXPLICIT where protoc leaves the inherited
  /// IMPLICIT (which protoc then ignores for such fields).
  ///
  /// `path` is the element's SourceCodeInfo path within `file` (as MessageEntry.path etc.); a path
  /// into an element's parts (its options, its name) resolves to the element. The language
  /// features (`pb.cpp` 1000, `pb.java` 1001, `pb.go` 1002) are in the result's unknown fields:
  /// read them with `languageFeature(_:field:)`. An unknown file gives the EDITION_PROTO2 defaults.
  public func resolvedFeatures(file: String, path: [Int32]) -> Google_Protobuf_FeatureSet {
    resolvedFeatureValues(file: file, path: path).featureSet
  }

  func resolvedFeatureValues(file name: String, path: [Int32]) -> FeatureValues {
    guard let chain = featureChain(file: name) else {
      return EditionDefaults.bundled.values(for: Google_Protobuf_Edition.proto2.rawValue) ?? FeatureValues()
    }
    return chain.resolve(path)
  }
}

/// The options messages of descriptor.proto, each with its `features`: what
/// `FeatureChain.levels` reads at every level, the linker's feature checks decode and
/// lint's IMPORT_USED searches for language-feature extensions.
public protocol FeatureOptions {
  var hasFeatures: Bool { get }
  var features: Google_Protobuf_FeatureSet { get }
}

extension Google_Protobuf_FileOptions: FeatureOptions {}
extension Google_Protobuf_MessageOptions: FeatureOptions {}
extension Google_Protobuf_FieldOptions: FeatureOptions {}
extension Google_Protobuf_OneofOptions: FeatureOptions {}
extension Google_Protobuf_EnumOptions: FeatureOptions {}
extension Google_Protobuf_EnumValueOptions: FeatureOptions {}
extension Google_Protobuf_ServiceOptions: FeatureOptions {}
extension Google_Protobuf_MethodOptions: FeatureOptions {}
extension Google_Protobuf_ExtensionRangeOptions: FeatureOptions {}

extension Google_Protobuf_FeatureSet {
  /// The language feature extensions of FeatureSet that sebuf resolves.
  public enum Language: Int32, Sendable {
    case cpp = 1000
    case java = 1001
    case go = 1002
  }

  /// A language feature's value (its enum number, or 0/1 for a bool) in this set, if set:
  /// e.g. `languageFeature(.cpp, field: 2)` is `pb.cpp.string_type`.
  public func languageFeature(_ language: Language, field: Int32) -> Int? {
    FeatureValues(self).value(extension: language.rawValue, field: field).map { Int(Int64(bitPattern: $0)) }
  }
}

/// The walk from a file down a SourceCodeInfo path, collecting each declaration's own features.
/// The file's level (edition defaults, then the file's `features`) is resolved once, when the
/// chain is made: every element of the file starts from it, and the levels between it and the
/// element are read only where they set `features` (most set none).
struct FeatureChain {
  let file: Google_Protobuf_FileDescriptorProto
  let edition: Google_Protobuf_Edition
  /// The file's resolved features: the edition's defaults, then the file's own.
  let fileValues: FeatureValues

  init(file: Google_Protobuf_FileDescriptorProto, defaults: EditionDefaults) {
    self.file = file
    edition = Google_Protobuf_Edition(of: file)
    var values = defaults.values(for: edition.rawValue) ?? FeatureValues()
    if file.options.hasFeatures { values.merge(FeatureValues(file.options.features)) }
    fileValues = values
  }

  var isLegacy: Bool { Self.isLegacy(edition) }

  /// proto2 and proto3: features come from the syntax, never from the file.
  static func isLegacy(_ edition: Google_Protobuf_Edition) -> Bool {
    edition.rawValue < Google_Protobuf_Edition.edition2023.rawValue
  }

  /// The features set below the file on the way to the element, outermost first (only the
  /// declarations that set `features`), and the field at the end, if the path names one.
  func levels(_ path: [Int32]) -> (sets: [Google_Protobuf_FeatureSet], field: Google_Protobuf_FieldDescriptorProto?) {
    var sets: [Google_Protobuf_FeatureSet] = []
    func add<O: FeatureOptions>(_ options: O) { if options.hasFeatures { sets.append(options.features) } }
    var message: Google_Protobuf_DescriptorProto?
    func at(_ k: Int) -> Int? { k < path.count ? Int(path[k]) : nil }
    // Top level: message (4), enum (5), service (6), extension (7).
    guard let kind = at(0), let j = at(1) else { return (sets, nil) }
    switch kind {
    case 4:
      guard j >= 0, j < file.messageType.count else { return (sets, nil) }
      message = file.messageType[j]
    case 5:
      guard j >= 0, j < file.enumType.count else { return (sets, nil) }
      Self.enumLevels(file.enumType[j], path, from: 2, into: &sets)
      return (sets, nil)
    case 6:
      guard j >= 0, j < file.service.count else { return (sets, nil) }
      let s = file.service[j]
      add(s.options)
      if at(2) == 2, let k = at(3), k >= 0, k < s.method.count { add(s.method[k].options) }
      return (sets, nil)
    case 7:
      guard j >= 0, j < file.extension.count else { return (sets, nil) }
      add(file.extension[j].options)
      return (sets, file.extension[j])
    default:
      return (sets, nil)
    }
    var i = 2
    // Inside messages: nested message (3), enum (4), field (2), extension (6), oneof (8),
    // extension range (5).
    while let m = message {
      add(m.options)
      guard let kind = at(i), let j = at(i + 1), j >= 0 else { return (sets, nil) }
      switch kind {
      case 3:
        guard j < m.nestedType.count else { return (sets, nil) }
        message = m.nestedType[j]
        i += 2
      case 4:
        guard j < m.enumType.count else { return (sets, nil) }
        Self.enumLevels(m.enumType[j], path, from: i + 2, into: &sets)
        return (sets, nil)
      case 2:
        guard j < m.field.count else { return (sets, nil) }
        let f = m.field[j]
        if f.hasOneofIndex, Int(f.oneofIndex) < m.oneofDecl.count, f.oneofIndex >= 0 {
          add(m.oneofDecl[Int(f.oneofIndex)].options)
        }
        add(f.options)
        return (sets, f)
      case 6:
        guard j < m.extension.count else { return (sets, nil) }
        add(m.extension[j].options)
        return (sets, m.extension[j])
      case 8:
        guard j < m.oneofDecl.count else { return (sets, nil) }
        add(m.oneofDecl[j].options)
        return (sets, nil)
      case 5:
        guard j < m.extensionRange.count else { return (sets, nil) }
        add(m.extensionRange[j].options)
        return (sets, nil)
      default:
        return (sets, nil)
      }
    }
    return (sets, nil)
  }

  private static func enumLevels(
    _ e: Google_Protobuf_EnumDescriptorProto, _ path: [Int32], from k: Int,
    into sets: inout [Google_Protobuf_FeatureSet]
  ) {
    if e.options.hasFeatures { sets.append(e.options.features) }
    if k + 1 < path.count, path[k] == 2, path[k + 1] >= 0, Int(path[k + 1]) < e.value.count {
      let v = e.value[Int(path[k + 1])]
      if v.options.hasFeatures { sets.append(v.options.features) }
    }
  }

  /// The features at `path`; `asProtoc` leaves out sebuf's presence rule (the linker
  /// validates with exactly protoc's resolution).
  func resolve(_ path: [Int32], asProtoc: Bool = false) -> FeatureValues {
    var values = fileValues
    let (sets, field) = levels(path)
    for s in sets { values.merge(FeatureValues(s)) }
    if let field { infer(field, into: &values, asProtoc: asProtoc) }
    return values
  }

  /// protoc's `InferLegacyProtoFeatures`, then sebuf's presence rule (see `resolvedFeatures`).
  private func infer(_ field: Google_Protobuf_FieldDescriptorProto, into values: inout FeatureValues, asProtoc: Bool) {
    let cpp = Google_Protobuf_FeatureSet.Language.cpp.rawValue
    let stringType: Int32 = 2
    let cord: UInt64 = 2
    if field.options.ctype == .cord, !FeatureValues(field.options.features).hasExtensionField(cpp, stringType) {
      values.set(extension: cpp, field: stringType, cord)
    }
    if isLegacy {
      if field.label == .required { values.set(FeatureNumber.fieldPresence, FeatureConstant.legacyRequired) }
      if field.type == .group { values.set(FeatureNumber.messageEncoding, FeatureConstant.delimited) }
      if field.options.packed { values.set(FeatureNumber.repeatedFieldEncoding, FeatureConstant.packed) }
      if edition == .proto3, field.options.hasPacked, !field.options.packed {
        values.set(FeatureNumber.repeatedFieldEncoding, FeatureConstant.expanded)
      }
    }
    if asProtoc { return }
    let alwaysPresent =
      field.type == .message || field.type == .group || field.hasOneofIndex || field.hasExtendee
      || field.proto3Optional
    if field.label != .repeated, alwaysPresent,
      values.value(FeatureNumber.fieldPresence) == FeatureConstant.implicit
    {
      values.set(FeatureNumber.fieldPresence, FeatureConstant.explicit)
    }
  }
}

/// FeatureSet's field numbers (descriptor.proto): the one table, for the resolver, the
/// linker's checks and the breaking rules that point at a changed feature.
public enum FeatureNumber {
  public static let fieldPresence: Int32 = 1
  public static let enumType: Int32 = 2
  public static let repeatedFieldEncoding: Int32 = 3
  public static let utf8Validation: Int32 = 4
  public static let messageEncoding: Int32 = 5
  public static let jsonFormat: Int32 = 6
  public static let enforceNamingStyle: Int32 = 7
  public static let defaultSymbolVisibility: Int32 = 8
  public static let enforceProtoLimits: Int32 = 9
}

/// The enum values the legacy inference sets.
enum FeatureConstant {
  static let explicit = UInt64(Google_Protobuf_FeatureSet.FieldPresence.explicit.rawValue)
  static let implicit = UInt64(Google_Protobuf_FeatureSet.FieldPresence.implicit.rawValue)
  static let legacyRequired = UInt64(Google_Protobuf_FeatureSet.FieldPresence.legacyRequired.rawValue)
  static let delimited = UInt64(Google_Protobuf_FeatureSet.MessageEncoding.delimited.rawValue)
  static let packed = UInt64(Google_Protobuf_FeatureSet.RepeatedFieldEncoding.packed.rawValue)
  static let expanded = UInt64(Google_Protobuf_FeatureSet.RepeatedFieldEncoding.expanded.rawValue)
}

extension FeatureValues {
  func hasExtensionField(_ ext: Int32, _ field: Int32) -> Bool { extensions[ext]?[field] != nil }
}
