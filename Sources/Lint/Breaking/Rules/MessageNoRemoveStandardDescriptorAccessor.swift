/// Messages do not turn on no_standard_descriptor_accessor.
struct MessageNoRemoveStandardDescriptorAccessor: MessagePairRule {
  static let info = RuleInfo(
    id: "MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR",
    categories: ["CSR", "FILE", "PACKAGE"],
    purpose: "Messages keep their standard descriptor accessor, which generated code calls.",
    examples: [
      .change(
        from: """
          syntax = "proto2";

          package acme.v1;

          message Plain {
            optional string name = 1;
          }

          """,
        to: """
          syntax = "proto2";

          package acme.v1;

          message Plain {
            ↓option no_standard_descriptor_accessor = true;
            optional string name = 1;
          }

          """,
        [
          #"Message option "no_standard_descriptor_accessor" changed from "false" to "true"."#
        ])
    ])

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.descriptor.options.noStandardDescriptorAccessor
    let after = message.descriptor.options.noStandardDescriptorAccessor
    guard !before && after else { return }
    out.add(
      "Message option \"no_standard_descriptor_accessor\" changed from \"false\" to \"true\".",
      at: message.file.location(message.path + [7, 2]), against: previous.file.location(previous.path + [7, 2]),
      file: message.file)
  }
}
