import SwiftProtobuf

/// When an option or feature field exists: its `feature_support` option (introduced,
/// deprecated, removed, with their messages), as protoc's `ValidateFeatureLifetimes` reads it.
struct FeatureSupport: Sendable {
  var fullName: String
  var introduced: Int?
  var deprecated: Int?
  var removed: Int?
  var deprecationWarning: String
  var removalError: String?

  init(fullName: String, _ s: Google_Protobuf_FieldOptions.FeatureSupport) {
    self.fullName = fullName
    introduced = s.hasEditionIntroduced ? s.editionIntroduced.rawValue : nil
    deprecated = s.hasEditionDeprecated ? s.editionDeprecated.rawValue : nil
    removed = s.hasEditionRemoved ? s.editionRemoved.rawValue : nil
    deprecationWarning = s.deprecationWarning
    removalError = s.hasRemovalError ? s.removalError : nil
  }

  /// protoc's `ValidateSingleFeatureLifetimes`: errors and warnings for a use in `edition`.
  func check(_ edition: Int) -> (errors: [String], warnings: [String]) {
    var errors: [String] = []
    var warnings: [String] = []
    let name = EditionDefaults.name
    if let introduced, edition < introduced {
      errors.append(
        "\(fullName) wasn't introduced until edition \(name(introduced)) and can't be used in edition \(name(edition))")
    }
    if let removed, edition >= removed {
      errors.append("\(fullName) has been removed in edition \(name(removed))\(removalError.map { ": " + $0 } ?? "")")
    } else if let deprecated, edition >= deprecated {
      warnings.append("\(fullName) has been deprecated in edition \(name(deprecated)): \(deprecationWarning)")
    }
    return (errors, warnings)
  }
}

/// The `feature_support` of every field of descriptor.proto's options messages, of FeatureSet
/// and of the language feature messages, from the bundled protos.
struct FeatureSupportTable: Sendable {
  /// Message full name → field number → support (fields without `feature_support` absent).
  var fields: [String: [Int32: FeatureSupport]] = [:]
  /// FeatureSet extension number → the full name of its message (`1000` → `pb.CppFeatures`).
  var extensionMessages: [Int32: String] = [:]
  /// Message full name → field number → the field's `targets` option.
  var targets: [String: [Int32: [Google_Protobuf_FieldOptions.OptionTargetType]]] = [:]
  /// Message full name → field number → the field's full name.
  var names: [String: [Int32: String]] = [:]

  static let bundled: FeatureSupportTable = EditionDefaults.bundledImage.map(FeatureSupportTable.init) ?? .init()

  init() {}

  init(image: Image) {
    let index = DescriptorIndex(image)
    for entry in index.allMessages {
      var table: [Int32: FeatureSupport] = [:]
      for f in entry.descriptor.field where f.options.hasFeatureSupport {
        table[f.number] = FeatureSupport(fullName: entry.fullName + "." + f.name, f.options.featureSupport)
      }
      if !table.isEmpty { fields[entry.fullName] = table }
      for f in entry.descriptor.field {
        targets[entry.fullName, default: [:]][f.number] = f.options.targets
        names[entry.fullName, default: [:]][f.number] = entry.fullName + "." + f.name
      }
    }
    for f in image.files {
      for x in f.descriptor.extension where x.extendee == ".google.protobuf.FeatureSet" {
        extensionMessages[x.number] = String(x.typeName.dropFirst())
      }
    }
  }
}
