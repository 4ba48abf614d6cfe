import Proto
import SwiftProtobuf

/// Shared shape of the rules that check one JSON-mapping field annotation: when the
/// annotation is present and `problem` says why it is misplaced, report at the option.
protocol HTTPFieldAnnotationRule: FieldLintRule {
  /// The option's extension number (for the span).
  static var optionNumber: Int32 { get }
  /// The option as users write it, e.g. `(sebuf.http.nullable)`.
  static var optionName: String { get }
  /// Other option numbers to point at when the main one is absent.
  static var relatedOptionNumbers: [Int32] { get }
  /// Why the annotation is invalid on this field, or nil when it is valid or absent.
  func problem(_ field: FieldElement, _ annotations: FieldAnnotations, _ context: LintContext) -> String?
}

extension HTTPFieldAnnotationRule {
  static var relatedOptionNumbers: [Int32] { [] }

  func check(field: FieldElement, _ context: LintContext, _ out: inout FindingSink) {
    guard field.descriptor.hasOptions else { return }
    let a = field.descriptor.sebuf
    guard let why = problem(field, a, context) else { return }
    let owner = field.parent.map { " of \(q($0.fullName))" } ?? ""
    out.report(
      "Field \(q(field.name))\(owner) \(why).", file: field.file,
      path: context.bestPath(file: field.file, ([Self.optionNumber] + Self.relatedOptionNumbers).map { field.path + [8, $0] } + [field.path]))
  }
}

/// A (sebuf.http.nullable) field is a proto3 `optional` scalar.
struct HTTPNullableValid: HTTPFieldAnnotationRule {
  static let optionNumber: Int32 = 50013
  static let optionName = "(sebuf.http.nullable)"
  static let info = RuleInfo(
    id: "HTTP_NULLABLE_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.nullable) is only on proto3 optional fields of scalar type.",
    good: [HTTPExample.file("message Pet { optional string nickname = 1 [(sebuf.http.nullable) = true]; }\n")],
    bad: [HTTPExample.file("message Pet { string nickname = 1 [↓(sebuf.http.nullable) = true]; }\n")])

  func problem(_ f: FieldElement, _ a: FieldAnnotations, _ context: LintContext) -> String? {
    guard a.nullable == true else { return nil }
    if HTTPFieldKind.isMessage(f.descriptor) { return "has \(Self.optionName), which is only valid on primitive fields, not message fields" }
    if !f.descriptor.proto3Optional { return "has \(Self.optionName), which is only valid on proto3 optional fields; declare it `optional`" }
    return nil
  }
}
