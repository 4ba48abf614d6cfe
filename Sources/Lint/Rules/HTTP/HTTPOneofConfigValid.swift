import Proto

/// (sebuf.http.oneof_config): the discriminator does not collide with a field's JSON
/// name, and `flatten = true` only with message variants.
struct HTTPOneofConfigValid: OneofLintRule {
  static let info = RuleInfo(
    id: "HTTP_ONEOF_CONFIG_VALID",
    categories: ["HTTP"],
    purpose:
      "Checks that a oneof's discriminator does not collide with a field's JSON name and that flattened oneofs only have message variants.",
    good: [
      HTTPExample.file(
        "message Dog {}\nmessage Cat {}\nmessage Pet {\n  oneof kind {\n    option (sebuf.http.oneof_config) = { discriminator: \"type\" flatten: true };\n    Dog dog = 1;\n    Cat cat = 2;\n  }\n}\n"
      )
    ],
    bad: [
      HTTPExample.file(
        "message Pet {\n  string type = 3;\n  oneof kind {\n    ↓option (sebuf.http.oneof_config) = { discriminator: \"type\" };\n    string dog = 1;\n  }\n}\n"
      )
    ])

  func check(oneof: OneofElement, _ context: LintContext, _ out: inout FindingSink) {
    let violations = context.annotationValidity.violations(
      oneof: Int(oneof.index), in: oneof.parent.descriptor, path: oneof.parent.path)
    guard !violations.isEmpty, let config = oneof.descriptor.sebufOneofConfig else { return }
    let path = context.bestPath(file: oneof.file, [oneof.path + [2, SebufExtension.oneofConfig], oneof.path])
    let name = "\(oneof.parent.fullName).\(oneof.name)"
    for v in violations {
      switch v.problem {
      case .discriminatorCollides(let field, let json):
        out.report(
          "Oneof \(q(name)) uses discriminator \(q(config.discriminator)), which collides with field \(q(field)) (JSON: \(q(json))); pick another discriminator name.",
          file: oneof.file, path: path)
      case .flattenedVariantNotMessage(let i):
        let variant = oneof.parent.descriptor.field[i]
        out.report(
          "Oneof \(q(name)) has flatten = true, so variant \(q(variant.name)) must be a message type (got \(context.typeDescription(variant))).",
          file: oneof.file, path: path)
      default: break
      }
    }
  }
}
