import Proto

/// (sebuf.http.bytes_encoding) is on a bytes field.
struct HTTPBytesEncodingValid: HTTPFieldAnnotationRule {
  static let option = SebufFieldOption.bytesEncoding
  static let optionNumber = SebufExtension.bytesEncoding
  static let optionName = "(sebuf.http.bytes_encoding)"
  static let info = RuleInfo(
    id: "HTTP_BYTES_ENCODING_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.bytes_encoding) is only on bytes fields.",
    good: [HTTPExample.file("message Blob { bytes data = 1 [(sebuf.http.bytes_encoding) = BYTES_ENCODING_HEX]; }\n")],
    bad: [HTTPExample.file("message Blob { string data = 1 [↓(sebuf.http.bytes_encoding) = BYTES_ENCODING_HEX]; }\n")])

  func describe(_ problem: AnnotationViolation.Problem, _ f: FieldElement, _ context: LintContext) -> String {
    "has \(Self.optionName), which is only valid on bytes fields"
  }
}
