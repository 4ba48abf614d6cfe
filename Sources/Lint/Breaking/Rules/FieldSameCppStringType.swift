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
    guard before != after, !(before.piece && after.type == "STRING") else { return }
    let name: ((type: String, piece: Bool)) -> String = { $0.piece ? "STRING_PIECE" : $0.type }
    out.add(
      "\(field.description) changed C++ string type from \(quoted(name(before))) to \(quoted(name(after))).",
      at: field.location(8, 1) ?? field.location, against: previous.location(8, 1) ?? previous.location,
      file: field.file)
  }

  private func cppStringType(_ f: FieldNode) -> (type: String, piece: Bool) {
    let o = f.descriptor.options
    guard o.hasCtype else { return ("STRING", false) }
    switch o.ctype {
    case .cord: return ("CORD", false)
    case .stringPiece: return ("STRING", true)
    default: return ("STRING", false)
    }
  }
}
