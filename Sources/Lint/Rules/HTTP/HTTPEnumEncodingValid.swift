import Proto

/// (sebuf.http.enum_encoding) is on an enum field, and NUMBER is not combined with an
/// enum whose values carry (sebuf.http.enum_value) strings.
struct HTTPEnumEncodingValid: HTTPFieldAnnotationRule {
  static let option = SebufFieldOption.enumEncoding
  static let optionNumber = SebufExtension.enumEncoding
  static let optionName = "(sebuf.http.enum_encoding)"
  static let info = RuleInfo(
    id: "HTTP_ENUM_ENCODING_VALID",
    categories: ["HTTP"],
    purpose:
      "Checks that (sebuf.http.enum_encoding) is only on enum fields and that NUMBER is not used with enums that have (sebuf.http.enum_value) names.",
    good: [
      HTTPExample.file(
        "enum Kind { KIND_UNSPECIFIED = 0; }\nmessage Pet { Kind kind = 1 [(sebuf.http.enum_encoding) = ENUM_ENCODING_NUMBER]; }\n"
      )
    ],
    bad: [HTTPExample.file("message Pet { string kind = 1 [↓(sebuf.http.enum_encoding) = ENUM_ENCODING_NUMBER]; }\n")])

  func describe(_ problem: AnnotationViolation.Problem, _ f: FieldElement, _ context: LintContext) -> String {
    guard case .enumEncodingNumberWithEnumValues(let name) = problem else {
      return "has \(Self.optionName), which is only valid on enum fields"
    }
    return
      "has \(Self.optionName) = ENUM_ENCODING_NUMBER, but enum \(q(name)) sets (sebuf.http.enum_value) names; use ENUM_ENCODING_STRING or drop the enum_value names"
  }
}
