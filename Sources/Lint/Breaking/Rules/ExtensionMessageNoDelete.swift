/// Extension ranges are not deleted from messages.
struct ExtensionMessageNoDelete: MessagePairRule {
  static let info = RuleInfo(
    id: "EXTENSION_MESSAGE_NO_DELETE", purpose: "Extension ranges are not deleted from messages.")

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkRanges(
      kind: "extension", elementKind: "message", name: message.name, maxTag: message.maxTag,
      previous: previous.extensionRanges, current: message.extensionRanges, location: message.location,
      against: previous.location, file: message.file, out: &out)
  }
}
