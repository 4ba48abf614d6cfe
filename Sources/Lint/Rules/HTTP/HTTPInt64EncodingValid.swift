import Proto

/// (sebuf.http.int64_encoding) is on a 64-bit integer field.
struct HTTPInt64EncodingValid: HTTPFieldAnnotationRule {
  static let option = SebufFieldOption.int64Encoding
  static let optionNumber = SebufExtension.int64Encoding
  static let optionName = "(sebuf.http.int64_encoding)"
  static let info = RuleInfo(
    id: "HTTP_INT64_ENCODING_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.int64_encoding) is only on 64-bit integer fields.",
    good: [HTTPExample.file("message Pet { int64 id = 1 [(sebuf.http.int64_encoding) = INT64_ENCODING_STRING]; }\n")],
    bad: [HTTPExample.file("message Pet { int32 id = 1 [↓(sebuf.http.int64_encoding) = INT64_ENCODING_STRING]; }\n")])

  func describe(_ problem: AnnotationViolation.Problem, _ f: FieldElement, _ context: LintContext) -> String {
    "has \(Self.optionName), which is only valid on int64, uint64, sint64, fixed64 and sfixed64 fields"
  }
}
