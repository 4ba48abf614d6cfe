// Resolved language features (enum openness, JSON format, UTF-8 validation) as buf resolves
// them: from the syntax for proto2/proto3, from edition defaults and `features` options
// for editions files.
import SwiftProtobuf

typealias FeatureSet = Google_Protobuf_FeatureSet

extension FileNode {
  /// The file-level defaults: proto2 and proto3 map to fixed feature sets.
  var baseFeatures: FeatureSet {
    var f = FeatureSet()
    switch syntax {
    case .proto2:
      f.enumType = .closed
      f.jsonFormat = .legacyBestEffort
      f.utf8Validation = .none
    case .proto3:
      f.enumType = .open
      f.jsonFormat = .allow
      f.utf8Validation = .verify
    case .editions:
      f.enumType = .open
      f.jsonFormat = .allow
      f.utf8Validation = .verify
      f = f.merging(descriptor.options.features)
    }
    return f
  }
}

extension FeatureSet {
  /// `other`'s explicitly set features override these.
  func merging(_ other: FeatureSet) -> FeatureSet {
    var f = self
    if other.hasEnumType { f.enumType = other.enumType }
    if other.hasJsonFormat { f.jsonFormat = other.jsonFormat }
    if other.hasUtf8Validation { f.utf8Validation = other.utf8Validation }
    return f
  }
}

extension MessageNode {
  /// Features of the message: the file's, then each enclosing message's overrides.
  var features: FeatureSet {
    guard file.syntax == .editions else { return file.baseFeatures }
    var f = file.baseFeatures
    var chain: [Google_Protobuf_DescriptorProto] = []
    var d = file.descriptor.messageType
    var i = 1
    while i < path.count {
      let index = Int(path[i])
      guard index < d.count else { break }
      chain.append(d[index])
      d = d[index].nestedType
      i += 2
    }
    for m in chain { f = f.merging(m.options.features) }
    return f
  }

  var jsonFormatName: String { features.jsonFormat.name }
}

extension EnumNode {
  var features: FeatureSet {
    guard file.syntax == .editions else { return file.baseFeatures }
    var f = file.baseFeatures
    if path.count > 2, let parent = file.allMessages.first(where: { $0.path == Array(path.dropLast(2)) }) {
      f = parent.features
    }
    return f.merging(descriptor.options.features)
  }
  var isClosed: Bool { features.enumType == .closed }
}

extension FieldNode {
  var utf8Validation: FeatureSet.Utf8Validation {
    var f = message?.features ?? file.baseFeatures
    if file.syntax == .editions { f = f.merging(descriptor.options.features) }
    return f.utf8Validation
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
