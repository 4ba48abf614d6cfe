import Proto
/// (sebuf.http.flatten) is on a singular message field outside any oneof, and
/// (sebuf.http.flatten_prefix) comes with flatten.
struct HTTPFlattenValid: HTTPFieldAnnotationRule {
  static let optionNumber: Int32 = 50019
  static let optionName = "(sebuf.http.flatten)"
  static let relatedOptionNumbers: [Int32] = [50020]
  static let info = RuleInfo(
    id: "HTTP_FLATTEN_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.flatten) is only on singular message fields outside oneofs and that flatten_prefix is only used with flatten.",
    good: [HTTPExample.file("message Address { string city = 1; }\nmessage Pet { Address home = 1 [(sebuf.http.flatten) = true, (sebuf.http.flatten_prefix) = \"home_\"]; }\n")],
    bad: [HTTPExample.file("message Pet { repeated string tags = 1 [↓(sebuf.http.flatten) = true]; }\n")])

  func problem(_ f: FieldElement, _ a: FieldAnnotations, _ context: LintContext) -> String? {
    if a.flatten != true {
      if let p = a.flattenPrefix, !p.isEmpty { return "has (sebuf.http.flatten_prefix) = \(q(p)) without (sebuf.http.flatten) = true; set flatten or drop the prefix" }
      return nil
    }
    let d = f.descriptor
    if context.isMap(d) { return "has \(Self.optionName), which is not valid on map fields" }
    if d.label == .repeated { return "has \(Self.optionName), which is not valid on repeated fields" }
    if !HTTPFieldKind.isMessage(d) { return "has \(Self.optionName), which is only valid on message fields (got \(context.typeDescription(d)))" }
    if d.hasOneofIndex && !d.proto3Optional {
      return "has \(Self.optionName), which is not valid on oneof variant fields (use (sebuf.http.oneof_config).flatten instead)"
    }
    return nil
  }
}
