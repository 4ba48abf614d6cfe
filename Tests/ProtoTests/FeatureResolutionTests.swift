import SwiftProtobuf
import Testing

@testable import Proto

/// Feature resolution (`DescriptorIndex.resolvedFeatures`) and the edition defaults it starts
/// from, on proto2, proto3, 2023 and 2024 files. The defaults come from the bundled
/// descriptor.proto and language feature protos; FeatureDefaultsOracleTests compares the
/// whole table with protoc 36.2's `--edition_defaults_out`.
@Suite struct FeatureResolutionTests {
  typealias FS = Google_Protobuf_FeatureSet

  // MARK: Defaults

  @Test func bundledDefaultsCoverLegacyToUnstable() {
    let d = EditionDefaults.bundled
    #expect(d.entries.map(\.edition) == [900, 999, 1000, 1001, 1002, 9999])
    #expect(d.minimum == .proto2)
    #expect(d.maximum == .edition2026)
  }

  @Test func proto2AndProto3DefaultsAreTheLegacyBehaviours() throws {
    let p2 = try #require(EditionDefaults.bundled.features(for: .proto2))
    #expect(p2.fieldPresence == .explicit)
    #expect(p2.enumType == .closed)
    #expect(p2.repeatedFieldEncoding == .expanded)
    #expect(p2.utf8Validation == .none)
    #expect(p2.messageEncoding == .lengthPrefixed)
    #expect(p2.jsonFormat == .legacyBestEffort)
    #expect(p2.enforceNamingStyle == .styleLegacy)
    #expect(p2.defaultSymbolVisibility == .exportAll)
    #expect(p2.languageFeature(.cpp, field: 1) == 1)  // legacy_closed_enum
    #expect(p2.languageFeature(.cpp, field: 2) == 3)  // string_type STRING
    let p3 = try #require(EditionDefaults.bundled.features(for: .proto3))
    #expect(p3.fieldPresence == .implicit)
    #expect(p3.enumType == .open)
    #expect(p3.repeatedFieldEncoding == .packed)
    #expect(p3.utf8Validation == .verify)
    #expect(p3.jsonFormat == .allow)
    #expect(p3.languageFeature(.cpp, field: 1) == 0)
    #expect(p3.languageFeature(.go, field: 1) == 0)  // legacy_unmarshal_json_enum
  }

  @Test func editionDefaultsChangeWhereTheFeatureProtosSay() throws {
    let e23 = try #require(EditionDefaults.bundled.features(for: .edition2023))
    #expect(e23.fieldPresence == .explicit)
    #expect(e23.enumType == .open)
    #expect(e23.repeatedFieldEncoding == .packed)
    #expect(e23.enforceNamingStyle == .styleLegacy)
    #expect(e23.defaultSymbolVisibility == .exportAll)
    #expect(e23.languageFeature(.cpp, field: 2) == 3)  // STRING
    #expect(e23.languageFeature(.go, field: 2) == 0)  // API_LEVEL_UNSPECIFIED
    let e24 = try #require(EditionDefaults.bundled.features(for: .edition2024))
    #expect(e24.enforceNamingStyle == .style2024)
    #expect(e24.defaultSymbolVisibility == .exportTopLevel)
    #expect(e24.languageFeature(.cpp, field: 2) == 1)  // VIEW
    #expect(e24.languageFeature(.go, field: 2) == 3)  // API_OPAQUE
    let e26 = try #require(EditionDefaults.bundled.features(for: .edition2026))
    #expect(e26.enforceNamingStyle == .style2026)
    #expect(e26.defaultSymbolVisibility == .strict)
    #expect(e26.enforceProtoLimits == .protoLimits2026)
  }

  @Test func featuresNotYetIntroducedAreFixed() throws {
    let e23 = try #require(EditionDefaults.bundled.entries.first { $0.edition == 1000 })
    // enforce_naming_style (7) arrives in 2024: fixed in 2023; field_presence (1) is overridable.
    #expect(e23.fixed.value(FeatureNumber.enforceNamingStyle) != nil)
    #expect(e23.overridable.value(FeatureNumber.enforceNamingStyle) == nil)
    #expect(e23.overridable.value(FeatureNumber.fieldPresence) != nil)
  }

  // MARK: Resolution

  /// An Image of one file built from `edit`.
  func index(
    syntax: String, edition: Google_Protobuf_Edition = .unknown,
    _ edit: (inout Google_Protobuf_FileDescriptorProto) -> Void
  )
    -> DescriptorIndex
  {
    var f = Google_Protobuf_FileDescriptorProto()
    f.name = "a.proto"
    f.package = "a"
    if !syntax.isEmpty { f.syntax = syntax }
    if syntax == "editions" { f.edition = edition }
    edit(&f)
    return DescriptorIndex(Image(files: [ImageFile(descriptor: f, isImport: false)]))
  }

  static func field(
    _ name: String, _ number: Int32, _ type: Google_Protobuf_FieldDescriptorProto.TypeEnum,
    _ label: Google_Protobuf_FieldDescriptorProto.Label = .optional
  ) -> Google_Protobuf_FieldDescriptorProto {
    var x = Google_Protobuf_FieldDescriptorProto()
    x.name = name
    x.number = number
    x.type = type
    x.label = label
    if type == .message || type == .group { x.typeName = ".a.M" }
    return x
  }

  @Test func proto2FieldsInferTheirFeatures() {
    let idx = index(syntax: "") { f in
      var m = Google_Protobuf_DescriptorProto()
      m.name = "M"
      m.field = [
        Self.field("req", 1, .int32, .required),
        Self.field("grp", 2, .group),
        Self.field("packed", 3, .int32, .repeated),
        Self.field("plain", 4, .int32, .repeated),
        Self.field("cord", 5, .string),
      ]
      m.field[2].options.packed = true
      m.field[4].options.ctype = .cord
      f.messageType = [m]
    }
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 0]).fieldPresence == .legacyRequired)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 1]).messageEncoding == .delimited)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 2]).repeatedFieldEncoding == .packed)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 3]).repeatedFieldEncoding == .expanded)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 4]).languageFeature(.cpp, field: 2) == 2)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0]).enumType == .closed)
    // A path into a field's parts resolves to the field.
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 0, 1]).fieldPresence == .legacyRequired)
  }

  @Test func proto3PresenceFollowsTheSyntax() {
    let idx = index(syntax: "proto3") { f in
      var m = Google_Protobuf_DescriptorProto()
      m.name = "M"
      var opt = Self.field("opt", 2, .int32)
      opt.proto3Optional = true
      opt.oneofIndex = 0
      var unpacked = Self.field("unpacked", 4, .int32, .repeated)
      unpacked.options.packed = false
      m.field = [Self.field("plain", 1, .int32), opt, Self.field("msg", 3, .message), unpacked]
      var o = Google_Protobuf_OneofDescriptorProto()
      o.name = "_opt"
      m.oneofDecl = [o]
      f.messageType = [m]
    }
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 0]).fieldPresence == .implicit)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 1]).fieldPresence == .explicit)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 2]).fieldPresence == .explicit)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 3]).repeatedFieldEncoding == .expanded)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 0]).utf8Validation == .verify)
  }

  @Test func edition2023InheritsFileMessageOneofAndFieldFeatures() {
    let idx = index(syntax: "editions", edition: .edition2023) { f in
      f.options.features.fieldPresence = .implicit
      f.options.features.enumType = .closed
      var m = Google_Protobuf_DescriptorProto()
      m.name = "M"
      m.options.features.utf8Validation = .none
      var inner = Google_Protobuf_DescriptorProto()
      inner.name = "Inner"
      inner.options.features.messageEncoding = .delimited
      inner.field = [Self.field("deep", 1, .int32, .repeated)]
      inner.field[0].options.features.repeatedFieldEncoding = .expanded
      m.nestedType = [inner]
      var o = Google_Protobuf_OneofDescriptorProto()
      o.name = "choice"
      o.options.features.jsonFormat = .legacyBestEffort
      m.oneofDecl = [o]
      var inOneof = Self.field("s", 2, .string)
      inOneof.oneofIndex = 0
      var explicit = Self.field("e", 3, .int32)
      explicit.options.features.fieldPresence = .explicit
      m.field = [Self.field("i", 1, .int32), inOneof, explicit, Self.field("msg", 4, .message)]
      var en = Google_Protobuf_EnumDescriptorProto()
      en.name = "E"
      en.options.features.enumType = .open
      var v = Google_Protobuf_EnumValueDescriptorProto()
      v.name = "E_ZERO"
      en.value = [v]
      f.enumType = [en]
      var s = Google_Protobuf_ServiceDescriptorProto()
      s.name = "S"
      var md = Google_Protobuf_MethodDescriptorProto()
      md.name = "Do"
      s.method = [md]
      f.service = [s]
      f.messageType = [m]
    }
    let file = idx.resolvedFeatures(file: "a.proto", path: [])
    #expect(file.fieldPresence == .implicit)
    #expect(file.repeatedFieldEncoding == .packed)
    let i = idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 0])
    #expect(i.fieldPresence == .implicit)
    #expect(i.utf8Validation == .none)
    let s = idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 1])
    #expect(s.jsonFormat == .legacyBestEffort)
    #expect(s.fieldPresence == .explicit)  // a oneof member always has presence
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 2]).fieldPresence == .explicit)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 3]).fieldPresence == .explicit)
    let deep = idx.resolvedFeatures(file: "a.proto", path: [4, 0, 3, 0, 2, 0])
    #expect(deep.repeatedFieldEncoding == .expanded)
    #expect(deep.messageEncoding == .delimited)
    #expect(deep.utf8Validation == .none)
    #expect(deep.fieldPresence == .implicit)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [5, 0]).enumType == .open)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [5, 0, 2, 0]).enumType == .open)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [6, 0, 2, 0]).fieldPresence == .implicit)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [6, 0, 2, 0]).enforceNamingStyle == .styleLegacy)
  }

  @Test func edition2024DefaultsAndLanguageFeatureOverrides() throws {
    // `features.(pb.cpp).string_type = CORD` on the file: extension 1000, field 2, value 2.
    var cpp = FeatureValues()
    cpp.set(extension: 1000, field: 2, 2)
    let fileFeatures = cpp.featureSet
    let idx = index(syntax: "editions", edition: .edition2024) { f in
      f.options.features = fileFeatures
      var m = Google_Protobuf_DescriptorProto()
      m.name = "M"
      m.field = [Self.field("s", 1, .string), Self.field("t", 2, .string)]
      var view = FeatureValues()
      view.set(extension: 1000, field: 2, 1)
      m.field[1].options.features = view.featureSet
      var x = Self.field("ext", 100, .int32)
      x.extendee = ".a.M"
      m.extension = [x]
      f.messageType = [m]
    }
    let s = idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 0])
    #expect(s.languageFeature(.cpp, field: 2) == 2)
    #expect(s.enforceNamingStyle == .style2024)
    #expect(s.defaultSymbolVisibility == .exportTopLevel)
    #expect(s.languageFeature(.go, field: 2) == 3)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 2, 1]).languageFeature(.cpp, field: 2) == 1)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 0, 6, 0]).fieldPresence == .explicit)
  }

  @Test func unknownFileAndOutOfRangePathsDoNotTrap() {
    let idx = index(syntax: "proto3") { _ in }
    #expect(idx.resolvedFeatures(file: "nope.proto", path: [4, 0]).fieldPresence == .explicit)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [4, 7, 2, 1]).fieldPresence == .implicit)
    #expect(idx.resolvedFeatures(file: "a.proto", path: [-1, -1]).enumType == .open)
  }

  @Test func featureValuesRoundTripExtensionsThroughFeatureSet() {
    var v = FeatureValues()
    v.set(FeatureNumber.fieldPresence, 2)
    v.set(extension: 1002, field: 3, 1)
    let back = FeatureValues(v.featureSet)
    #expect(back == v)
    var over = FeatureValues()
    over.set(extension: 1002, field: 1, 1)
    var merged = v
    merged.merge(over)
    #expect(merged.value(extension: 1002, field: 3) == 1)
    #expect(merged.value(extension: 1002, field: 1) == 1)
    #expect(merged.value(FeatureNumber.fieldPresence) == 2)
  }
}
