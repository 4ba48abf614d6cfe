import Proto
/// (sebuf.http.timestamp_format) is on a google.protobuf.Timestamp field.
struct HTTPTimestampFormatValid: HTTPFieldAnnotationRule {
  static let optionNumber: Int32 = 50015
  static let optionName = "(sebuf.http.timestamp_format)"
  static let info = RuleInfo(
    id: "HTTP_TIMESTAMP_FORMAT_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.timestamp_format) is only on google.protobuf.Timestamp fields.",
    good: [HTTPExample.file("import \"google/protobuf/timestamp.proto\";\nmessage Pet { google.protobuf.Timestamp born = 1 [(sebuf.http.timestamp_format) = TIMESTAMP_FORMAT_DATE]; }\n")],
    bad: [HTTPExample.file("message Pet { int64 born = 1 [↓(sebuf.http.timestamp_format) = TIMESTAMP_FORMAT_DATE]; }\n")])

  func problem(_ f: FieldElement, _ a: FieldAnnotations, _ context: LintContext) -> String? {
    guard let t = a.timestampFormat, t != .unspecified else { return nil }
    if LintContext.trimDot(f.descriptor.typeName) == "google.protobuf.Timestamp" { return nil }
    return "has \(Self.optionName), which is only valid on google.protobuf.Timestamp fields"
  }
}
