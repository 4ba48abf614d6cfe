import Proto

/// (sebuf.http.timestamp_format) is on a google.protobuf.Timestamp field.
struct HTTPTimestampFormatValid: HTTPFieldAnnotationRule {
  static let option = SebufFieldOption.timestampFormat
  static let optionNumber = SebufExtension.timestampFormat
  static let optionName = "(sebuf.http.timestamp_format)"
  static let info = RuleInfo(
    id: "HTTP_TIMESTAMP_FORMAT_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.timestamp_format) is only on google.protobuf.Timestamp fields.",
    good: [
      HTTPExample.file(
        "import \"google/protobuf/timestamp.proto\";\nmessage Pet { google.protobuf.Timestamp born = 1 [(sebuf.http.timestamp_format) = TIMESTAMP_FORMAT_DATE]; }\n"
      )
    ],
    bad: [
      HTTPExample.file("message Pet { int64 born = 1 [↓(sebuf.http.timestamp_format) = TIMESTAMP_FORMAT_DATE]; }\n")
    ])

  func describe(_ problem: AnnotationViolation.Problem, _ f: FieldElement, _ context: LintContext) -> String {
    "has \(Self.optionName), which is only valid on google.protobuf.Timestamp fields"
  }
}
