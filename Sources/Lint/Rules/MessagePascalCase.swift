/// Message names are PascalCase.
struct MessagePascalCase: MessageLintRule {
  static let info = RuleInfo(
    id: "MESSAGE_PASCAL_CASE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that messages are PascalCase.",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nmessage PetStore {}\n"],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\nmessage ↓pet_store {}\n"])

  func check(message: MessageElement, _ context: LintContext, _ out: inout FindingSink) {
    guard !message.isMapEntry else { return }
    let expected = Casing.pascal(message.name)
    if message.name != expected {
      out.report(
        "Message name \(q(message.name)) should be PascalCase, such as \(q(expected)).",
        file: message.file, path: message.path + [1])
    }
  }
}
