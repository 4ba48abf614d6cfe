import Proto

/// (sebuf.http.empty_behavior) is on a singular message field.
struct HTTPEmptyBehaviorValid: HTTPFieldAnnotationRule {
  static let option = SebufFieldOption.emptyBehavior
  static let optionNumber = SebufExtension.emptyBehavior
  static let optionName = "(sebuf.http.empty_behavior)"
  static let info = RuleInfo(
    id: "HTTP_EMPTY_BEHAVIOR_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.empty_behavior) is only on singular message fields.",
    good: [
      HTTPExample.file(
        "message Meta {}\nmessage Pet { Meta meta = 1 [(sebuf.http.empty_behavior) = EMPTY_BEHAVIOR_OMIT]; }\n")
    ],
    bad: [HTTPExample.file("message Pet { string name = 1 [↓(sebuf.http.empty_behavior) = EMPTY_BEHAVIOR_OMIT]; }\n")])

  func describe(_ problem: AnnotationViolation.Problem, _ f: FieldElement, _ context: LintContext) -> String {
    switch problem {
    case .emptyBehaviorOnMap: "has \(Self.optionName), which is not valid on map fields"
    case .emptyBehaviorOnRepeated: "has \(Self.optionName), which is not valid on repeated fields"
    default: "has \(Self.optionName), which is only valid on message fields"
    }
  }
}
