/// Fields stay in (or out of) the same oneof.
struct FieldSameOneof: FieldPairRule {
  static let info = RuleInfo(
    id: "FIELD_SAME_ONEOF",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "Fields stay inside the same oneof, or outside any oneof.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            oneof contact {
              string email = 1;
              string phone = 2;
            }
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message Pet {
            ↓string email = 1;
            oneof reach {
              ↓string phone = 2;
            }
          }

          """,
        [
          #"Field "1" with name "email" on message "Pet" moved from inside to outside a oneof."#,
          #"Field "2" with name "phone" on message "Pet"q moved from oneof "contact" to oneof "reach"."#,
        ])
    ])

  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    if previous.isExtension { return }
    let before = previous.message?.oneof(of: previous).flatMap { $0.isSynthetic ? nil : $0 }
    let after = field.message?.oneof(of: field).flatMap { $0.isSynthetic ? nil : $0 }
    switch (before, after) {
    case (nil, nil): return
    case (let b?, let a?):
      guard b.name != a.name else { return }
      // buf's message has a stray `q` after the description; kept for parity.
      out.add(
        "\(field.description)q moved from oneof \(quoted(b.name)) to oneof \(quoted(a.name)).",
        at: field.location, against: previous.location, file: field.file)
    case (_?, nil):
      out.add(
        "\(field.description) moved from inside to outside a oneof.", at: field.location,
        against: previous.location, file: field.file)
    case (nil, _?):
      out.add(
        "\(field.description) moved from outside to inside a oneof.", at: field.location,
        against: previous.location, file: field.file)
    }
  }
}
