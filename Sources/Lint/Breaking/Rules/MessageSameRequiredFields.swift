/// Messages keep the same required fields.
struct MessageSameRequiredFields: MessagePairRule {
  static let info = RuleInfo(
    id: "MESSAGE_SAME_REQUIRED_FIELDS",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "Messages neither gain nor lose required fields, since either side would reject the other's data.",
    examples: [
      .change(
        from: """
          syntax = "proto2";

          package acme.v1;

          message Record {
            required string id = 1;
            required int32 version = 2;
            optional string text = 3;
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          ↓message Record {
            required string id = 1;
            ↓required string text = 3;
          }

          """,
        [
          #"Message "Record" had required field "2" deleted. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage."#,
          #"Message "Record" had required field "3" added. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage."#,
        ])
    ])

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = Dictionary(previous.fields.filter { $0.descriptor.label == .required }.map { ($0.number, $0) }) {
      a, _ in a
    }
    let after = Dictionary(message.fields.filter { $0.descriptor.label == .required }.map { ($0.number, $0) }) { a, _ in
      a
    }
    let tail =
      "Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage."
    for number in before.keys.sorted() where after[number] == nil {
      out.add(
        "Message \(quoted(previous.name)) had required field \"\(number)\" deleted. \(tail)",
        at: message.location, against: previous.location, file: message.file)
    }
    for (number, field) in after.sorted(by: { $0.key < $1.key }) where before[number] == nil {
      out.add(
        "Message \(quoted(message.name)) had required field \"\(number)\" added. \(tail)",
        at: field.location, file: field.file)
    }
  }
}
