import Proto
/// (sebuf.http.empty_behavior) is on a singular message field.
struct HTTPEmptyBehaviorValid: HTTPFieldAnnotationRule {
  static let optionNumber: Int32 = 50014
  static let optionName = "(sebuf.http.empty_behavior)"
  static let info = RuleInfo(
    id: "HTTP_EMPTY_BEHAVIOR_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.empty_behavior) is only on singular message fields.",
    good: [HTTPExample.file("message Meta {}\nmessage Pet { Meta meta = 1 [(sebuf.http.empty_behavior) = EMPTY_BEHAVIOR_OMIT]; }\n")],
    bad: [HTTPExample.file("message Pet { string name = 1 [↓(sebuf.http.empty_behavior) = EMPTY_BEHAVIOR_OMIT]; }\n")])

  func problem(_ f: FieldElement, _ a: FieldAnnotations, _ context: LintContext) -> String? {
    guard let b = a.emptyBehavior, b != .unspecified else { return nil }
    if context.isMap(f.descriptor) { return "has \(Self.optionName), which is not valid on map fields" }
    if f.descriptor.label == .repeated { return "has \(Self.optionName), which is not valid on repeated fields" }
    if !HTTPFieldKind.isMessage(f.descriptor) { return "has \(Self.optionName), which is only valid on message fields" }
    return nil
  }
}
