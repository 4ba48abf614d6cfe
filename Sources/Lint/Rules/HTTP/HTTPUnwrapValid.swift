import Proto

/// `(sebuf.http.unwrap)` sits on a repeated or map field, at most once per message, and
/// a map unwrap is the message's only field (root unwrap).
struct HTTPUnwrapValid: MessageLintRule {
  static let info = RuleInfo(
    id: "HTTP_UNWRAP_VALID",
    categories: ["HTTP"],
    purpose:
      "Checks that (sebuf.http.unwrap) is only on repeated or map fields, once per message, and that a map unwrap is the message's only field.",
    good: [HTTPExample.file("message Pets { repeated string names = 1 [(sebuf.http.unwrap) = true]; }\n")],
    bad: [HTTPExample.file("message Pets { string name = 1 [↓(sebuf.http.unwrap) = true]; }\n")])

  func check(message: MessageElement, _ context: LintContext, _ out: inout FindingSink) {
    for (i, f) in message.descriptor.field.enumerated() where f.hasOptions {
      let path = message.path + [2, Int32(i)]
      guard
        let v = context.annotationValidity.check(.unwrap, field: f, path: path, index: i, in: message.descriptor)
      else { continue }
      let element = FieldElement(file: message.file, descriptor: f, path: path, parent: message, isExtension: false)
      let text: String
      switch v.problem {
      case .unwrapAlreadyOn(let other):
        text =
          "Field \(q(f.name)) of \(q(message.fullName)) has (sebuf.http.unwrap), but field \(q(other)) already has it; only one field per message can be unwrapped."
      case .unwrapMapNotAlone:
        text =
          "Map field \(q(f.name)) of \(q(message.fullName)) has (sebuf.http.unwrap), which requires it to be the message's only field (root unwrap)."
      default:
        text =
          "Field \(q(f.name)) of \(q(message.fullName)) has (sebuf.http.unwrap), which is only valid on repeated or map fields."
      }
      out.report(text, file: message.file, path: context.fieldOptionPath(element, SebufExtension.unwrap))
    }
  }
}
