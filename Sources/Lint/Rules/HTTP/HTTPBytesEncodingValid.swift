import Proto
/// (sebuf.http.bytes_encoding) is on a bytes field.
struct HTTPBytesEncodingValid: HTTPFieldAnnotationRule {
  static let optionNumber: Int32 = 50016
  static let optionName = "(sebuf.http.bytes_encoding)"
  static let info = RuleInfo(
    id: "HTTP_BYTES_ENCODING_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.bytes_encoding) is only on bytes fields.",
    good: [HTTPExample.file("message Blob { bytes data = 1 [(sebuf.http.bytes_encoding) = BYTES_ENCODING_HEX]; }\n")],
    bad: [HTTPExample.file("message Blob { string data = 1 [↓(sebuf.http.bytes_encoding) = BYTES_ENCODING_HEX]; }\n")])

  func problem(_ f: FieldElement, _ a: FieldAnnotations, _ context: LintContext) -> String? {
    guard let b = a.bytesEncoding, b != .unspecified else { return nil }
    return f.descriptor.type == .bytes ? nil : "has \(Self.optionName), which is only valid on bytes fields"
  }
}
