/// Reserved ranges and names are not deleted from messages.
struct ReservedMessageNoDelete: MessagePairRule {
  static let info = RuleInfo(
    id: "RESERVED_MESSAGE_NO_DELETE",
    purpose: "Reserved ranges and names stay reserved in messages, so they are never reused.")

  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    checkRanges(
      kind: "reserved", elementKind: "message", name: message.name, maxTag: message.maxTag,
      previous: previous.reservedRanges, current: message.reservedRanges, location: message.location,
      against: previous.location, file: message.file, out: &out)
    let names = Set(message.descriptor.reservedName)
    for name in Set(previous.descriptor.reservedName).sorted() where !names.contains(name) {
      out.add(
        "Previously present reserved name \(quoted(name)) on message \(quoted(message.name)) was deleted.",
        at: message.location, against: previous.location, file: message.file)
    }
  }
}
