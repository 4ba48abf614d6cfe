import Proto
/// (sebuf.http.oneof_config): the discriminator does not collide with a field's JSON
/// name, and `flatten = true` only with message variants.
struct HTTPOneofConfigValid: OneofLintRule {
  static let info = RuleInfo(
    id: "HTTP_ONEOF_CONFIG_VALID",
    categories: ["HTTP"],
    purpose: "Checks that a oneof's discriminator does not collide with a field's JSON name and that flattened oneofs only have message variants.",
    good: [HTTPExample.file("message Dog {}\nmessage Cat {}\nmessage Pet {\n  oneof kind {\n    option (sebuf.http.oneof_config) = { discriminator: \"type\" flatten: true };\n    Dog dog = 1;\n    Cat cat = 2;\n  }\n}\n")],
    bad: [HTTPExample.file("message Pet {\n  string type = 3;\n  oneof kind {\n    ↓option (sebuf.http.oneof_config) = { discriminator: \"type\" };\n    string dog = 1;\n  }\n}\n")])

  func check(oneof: OneofElement, _ context: LintContext, _ out: inout FindingSink) {
    guard let config = oneof.descriptor.sebufOneofConfig, !config.discriminator.isEmpty else { return }
    let path = context.bestPath(file: oneof.file, [oneof.path + [2, 50017], oneof.path])
    let name = "\(oneof.parent.fullName).\(oneof.name)"
    if let clash = oneof.parent.descriptor.field.first(where: { $0.jsonName == config.discriminator || $0.name == config.discriminator }) {
      out.report(
        "Oneof \(q(name)) uses discriminator \(q(config.discriminator)), which collides with field \(q(clash.name)) (JSON: \(q(clash.jsonName.isEmpty ? clash.name : clash.jsonName))); pick another discriminator name.",
        file: oneof.file, path: path)
    }
    if config.flatten {
      for v in oneof.fields where !HTTPFieldKind.isMessage(v) {
        out.report(
          "Oneof \(q(name)) has flatten = true, so variant \(q(v.name)) must be a message type (got \(context.typeDescription(v))).",
          file: oneof.file, path: path)
      }
    }
  }
}
