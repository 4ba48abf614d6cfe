import SwiftProtobuf

/// 64-bit integer fields keep their jstype.
struct FieldSameJstype: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_JSTYPE",
    categories: ["FILE", "PACKAGE"],
    purpose: "64-bit integer fields keep their jstype, which decides whether JavaScript sees a string or a number.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Record {
            int64 big = 1 [jstype = JS_NORMAL];
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Record {
            int64 big = 1 [↓jstype = JS_STRING];
          }

          """,
        [
          #"Field "1" with name "big" on message "Record" changed option "jstype" from "JS_NORMAL" to "JS_STRING"."#
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    guard field.type.is64BitInteger, previous.type.is64BitInteger else { return }
    let before = previous.descriptor.options.jstype
    let after = field.descriptor.options.jstype
    guard before != after else { return }
    out.add(
      "\(field.description) changed option \"jstype\" from \(quoted(before.name)) to \(quoted(after.name)).",
      at: field.location(8, 6) ?? field.location, against: previous.location(8, 6) ?? previous.location,
      file: field.file)
  }
}

extension Google_Protobuf_FieldOptions.JSType {
  var name: String {
    switch self {
    case .jsNormal: "JS_NORMAL"
    case .jsString: "JS_STRING"
    case .jsNumber: "JS_NUMBER"
    }
  }
}
