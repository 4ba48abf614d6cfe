import Proto

/// (sebuf.http.flatten) is on a singular message field outside any oneof, and
/// (sebuf.http.flatten_prefix) comes with flatten.
struct HTTPFlattenValid: HTTPFieldAnnotationRule {
  static let option = SebufFieldOption.flatten
  static let optionNumber = SebufExtension.flatten
  static let optionName = "(sebuf.http.flatten)"
  static let relatedOptionNumbers: [Int32] = [SebufExtension.flattenPrefix]
  static let info = RuleInfo(
    id: "HTTP_FLATTEN_VALID",
    categories: ["HTTP"],
    purpose:
      "Checks that (sebuf.http.flatten) is only on singular message fields outside oneofs and that flatten_prefix is only used with flatten.",
    good: [
      HTTPExample.file(
        "message Address { string city = 1; }\nmessage Pet { Address home = 1 [(sebuf.http.flatten) = true, (sebuf.http.flatten_prefix) = \"home_\"]; }\n"
      )
    ],
    bad: [HTTPExample.file("message Pet { repeated string tags = 1 [↓(sebuf.http.flatten) = true]; }\n")])

  func describe(_ problem: AnnotationViolation.Problem, _ f: FieldElement, _ context: LintContext) -> String {
    switch problem {
    case .flattenPrefixWithoutFlatten(let p):
      "has (sebuf.http.flatten_prefix) = \(q(p)) without (sebuf.http.flatten) = true; set flatten or drop the prefix"
    case .flattenOnMap: "has \(Self.optionName), which is not valid on map fields"
    case .flattenOnRepeated: "has \(Self.optionName), which is not valid on repeated fields"
    case .flattenNotMessage:
      "has \(Self.optionName), which is only valid on message fields (got \(context.typeDescription(f.descriptor)))"
    default:
      "has \(Self.optionName), which is not valid on oneof variant fields (use (sebuf.http.oneof_config).flatten instead)"
    }
  }
}
