import Proto
/// `(sebuf.http.unwrap)` sits on a repeated or map field, at most once per message, and
/// a map unwrap is the message's only field (root unwrap).
struct HTTPUnwrapValid: MessageLintRule {
  static let info = RuleInfo(
    id: "HTTP_UNWRAP_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.unwrap) is only on repeated or map fields, once per message, and that a map unwrap is the message's only field.",
    good: [HTTPExample.file("message Pets { repeated string names = 1 [(sebuf.http.unwrap) = true]; }\n")],
    bad: [HTTPExample.file("message Pets { string name = 1 [↓(sebuf.http.unwrap) = true]; }\n")])

  func check(message: MessageElement, _ context: LintContext, _ out: inout FindingSink) {
    var seen: String? = nil
    for (i, f) in message.descriptor.field.enumerated() where f.sebuf.unwrap {
      let element = FieldElement(
        file: message.file, descriptor: f, path: message.path + [2, Int32(i)], parent: message, isExtension: false)
      let path = context.fieldOptionPath(element, 50009)
      let isMap = context.isMap(f)
      if f.label != .repeated {
        out.report(
          "Field \(q(f.name)) of \(q(message.fullName)) has (sebuf.http.unwrap), which is only valid on repeated or map fields.",
          file: message.file, path: path)
      } else if let other = seen {
        out.report(
          "Field \(q(f.name)) of \(q(message.fullName)) has (sebuf.http.unwrap), but field \(q(other)) already has it; only one field per message can be unwrapped.",
          file: message.file, path: path)
      } else if isMap && message.descriptor.field.count != 1 {
        out.report(
          "Map field \(q(f.name)) of \(q(message.fullName)) has (sebuf.http.unwrap), which requires it to be the message's only field (root unwrap).",
          file: message.file, path: path)
      }
      if seen == nil { seen = f.name }
    }
  }
}
