import Proto
import SwiftProtobuf

/// string and bytes fields keep their C++ string type.
struct FieldSameCppStringType: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_CPP_STRING_TYPE",
    categories: ["FILE", "PACKAGE"],
    purpose: "string and bytes fields keep their C++ string type (ctype), which generated C++ code depends on.",
    examples: [
      .change(
        from: """
          syntax = "proto2";

          package acme.v1;

          message Record {
            optional bytes blob = 1 [ctype = CORD];
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          message Record {
            ↓optional bytes blob = 1;
          }

          """,
        [
          #"Field "1" with name "blob" on message "Record" changed C++ string type from "CORD" to "STRING"."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if field.inMapEntry && previous.inMapEntry { return }
    let stringish: (FieldNode) -> Bool = { $0.type == .string || $0.type == .bytes }
    guard stringish(field), stringish(previous) else { return }
    let before = cppStringType(previous)
    let after = cppStringType(field)
    // Moving from STRING_PIECE to STRING is allowed.
    guard before != after, !(before.piece && after.type == "STRING") else { return }
    let name: ((type: String, piece: Bool)) -> String = { $0.piece ? "STRING_PIECE" : $0.type }
    out.add(
      "\(field.description) changed C++ string type from \(quoted(name(before))) to \(quoted(name(after))).",
      at: location(field), against: location(previous), file: field.file)
  }

  /// buf's C++ string type: before edition 2024 an explicit `ctype` decides; otherwise the
  /// resolved `(pb.cpp).string_type` (STRING before 2024, VIEW from 2024 by default).
  private func cppStringType(_ f: FieldNode) -> (type: String, piece: Bool) {
    let d = f.file.descriptor
    let before2024 = !d.hasEdition || d.edition.rawValue < Google_Protobuf_Edition.edition2024.rawValue
    let o = f.descriptor.options
    if before2024, o.hasCtype {
      switch o.ctype {
      case .cord: return ("CORD", false)
      case .stringPiece: return ("STRING", true)
      case .string: return ("STRING", false)
      }
    }
    switch f.features.language(.cpp, field: CppFeature.stringType) {
    case 1: return ("VIEW", false)
    case 2: return ("CORD", false)
    case 3: return ("STRING", false)
    default: return ("STRING_TYPE_UNKNOWN", false)
    }
  }

  /// The field's `ctype`, else its `(pb.cpp).string_type`, else the field.
  private func location(_ f: FieldNode) -> Location? {
    f.location(8, 1) ?? f.featureLocation(CppFeature.extensionNumber, CppFeature.stringType) ?? f.location
  }
}

/// `pb.cpp` (cpp_features.proto): the extension and its string_type feature.
enum CppFeature {
  static let extensionNumber: Int32 = 1000
  static let stringType: Int32 = 2
}
