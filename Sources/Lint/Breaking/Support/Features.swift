// Resolved features of the breaking model's nodes (from Proto's one resolver,
// `DescriptorIndex.resolvedFeatures`) and where buf points when one changed: at the feature
// option written on the element itself, else at the element.
import Proto
import SwiftProtobuf

typealias FeatureSet = Google_Protobuf_FeatureSet

/// The number of `features` in each `*Options` message (descriptor.proto).
enum FeaturesOption {
  static let message: Int32 = 12
  static let field: Int32 = 21
  static let enumType: Int32 = 7
}

extension FileNode {
  /// The resolved features of the element at `path` in this file, as numbers.
  func features(_ path: [Int32]) -> ResolvedFeatureValues { index.featureValues(file: name, path: path) }

  /// buf's option location: the exact path if recorded, else the longest recorded path between
  /// the option (`prefixLength` elements) and `path`, else the first recorded path inside it.
  func optionLocation(_ path: [Int32], prefixLength: Int) -> Location? {
    if let exact = location(path) { return exact }
    var best: [Int32]?
    for loc in descriptor.sourceCodeInfo.location {
      let p = loc.path
      if p.count >= prefixLength, path.starts(with: p), p.count > (best?.count ?? 0) {
        best = p
      } else if p.starts(with: path) {
        return Location(file: self, path: p)
      }
    }
    return best.map { Location(file: self, path: $0) }
  }
}

extension ResolvedFeatureValues {
  var jsonFormat: FeatureSet.JsonFormat {
    FeatureSet.JsonFormat(rawValue: value(FeatureNumber.jsonFormat) ?? 0) ?? .unknown
  }
  var utf8Validation: FeatureSet.Utf8Validation {
    FeatureSet.Utf8Validation(rawValue: value(FeatureNumber.utf8Validation) ?? 0) ?? .unknown
  }
}

extension MessageNode {
  var features: ResolvedFeatureValues { file.features(path) }
  /// `option features.<feature>` on this message (MessageOptions = 7).
  func featureLocation(_ feature: Int32) -> Location? {
    file.optionLocation(path + [7, FeaturesOption.message, feature], prefixLength: path.count + 2)
  }
}

extension EnumNode {
  var features: ResolvedFeatureValues { file.features(path) }
  var isClosed: Bool { file.index.isClosedEnum(file: file.name, path: path) }
  /// `option features.<feature>` on this enum (EnumOptions = 3).
  func featureLocation(_ feature: Int32) -> Location? {
    file.optionLocation(path + [3, FeaturesOption.enumType, feature], prefixLength: path.count + 2)
  }
}

extension FieldNode {
  var utf8Validation: FeatureSet.Utf8Validation { features.utf8Validation }
  /// `[features.<feature>]` on this field (FieldOptions = 8); `extra` goes into an extension.
  func featureLocation(_ feature: Int32...) -> Location? {
    file.optionLocation(path + [8, FeaturesOption.field] + feature, prefixLength: path.count + 2)
  }
}

extension FeatureSet.JsonFormat {
  var name: String {
    switch self {
    case .allow: "ALLOW"
    case .legacyBestEffort: "LEGACY_BEST_EFFORT"
    default: "JSON_FORMAT_UNKNOWN"
    }
  }
}

extension FeatureSet.Utf8Validation {
  var name: String {
    switch self {
    case .verify: "VERIFY"
    case .none: "NONE"
    default: "UTF8_VALIDATION_UNKNOWN"
    }
  }
}
