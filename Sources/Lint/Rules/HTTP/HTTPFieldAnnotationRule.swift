import Proto
import SwiftProtobuf

/// Shared shape of the rules that check one JSON-mapping field annotation: when Proto's
/// ``AnnotationValidity`` table finds it misplaced, report `describe`'s wording at the option.
protocol HTTPFieldAnnotationRule: FieldLintRule {
  /// The annotation this rule reports on.
  static var option: SebufFieldOption { get }
  /// The option's extension number (for the span).
  static var optionNumber: Int32 { get }
  /// The option as users write it, e.g. `(sebuf.http.nullable)`.
  static var optionName: String { get }
  /// Other option numbers to point at when the main one is absent.
  static var relatedOptionNumbers: [Int32] { get }
  /// Why the annotation is invalid on this field, as the end of the finding's sentence.
  func describe(_ problem: AnnotationViolation.Problem, _ field: FieldElement, _ context: LintContext) -> String
}

extension HTTPFieldAnnotationRule {
  static var relatedOptionNumbers: [Int32] { [] }

  func check(field: FieldElement, _ context: LintContext, _ out: inout FindingSink) {
    guard field.descriptor.hasOptions else { return }
    let inMessage = field.isExtension ? nil : field.parent?.descriptor
    guard
      let violation = context.annotationValidity.check(
        Self.option, field: field.descriptor, path: field.path,
        index: inMessage == nil ? nil : field.path.last.map(Int.init),
        in: inMessage, file: context.files[field.file].name)
    else { return }
    let why = describe(violation.problem, field, context)
    let owner = field.parent.map { " of \(q($0.fullName))" } ?? ""
    out.report(
      "Field \(q(field.name))\(owner) \(why).", file: field.file,
      path: context.bestPath(
        file: field.file, ([Self.optionNumber] + Self.relatedOptionNumbers).map { field.path + [8, $0] } + [field.path])
    )
  }
}

/// A (sebuf.http.nullable) field is a proto3 `optional` scalar.
struct HTTPNullableValid: HTTPFieldAnnotationRule {
  static let option = SebufFieldOption.nullable
  static let optionNumber = SebufExtension.nullable
  static let optionName = "(sebuf.http.nullable)"
  static let info = RuleInfo(
    id: "HTTP_NULLABLE_VALID",
    categories: ["HTTP"],
    purpose: "Checks that (sebuf.http.nullable) is only on proto3 optional fields of scalar type.",
    good: [HTTPExample.file("message Pet { optional string nickname = 1 [(sebuf.http.nullable) = true]; }\n")],
    bad: [HTTPExample.file("message Pet { string nickname = 1 [↓(sebuf.http.nullable) = true]; }\n")])

  func describe(_ problem: AnnotationViolation.Problem, _ f: FieldElement, _ context: LintContext) -> String {
    problem == .nullableOnMessage
      ? "has \(Self.optionName), which is only valid on primitive fields, not message fields"
      : "has \(Self.optionName), which is only valid on proto3 optional fields; declare it `optional`"
  }
}
