/// Service names are PascalCase.
struct ServicePascalCase: ServiceLintRule {
  static let info = RuleInfo(
    id: "SERVICE_PASCAL_CASE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that services are PascalCase.",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nservice PetService {}\n"],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\nservice ↓pet_Service {}\n"])

  func check(service: ServiceElement, _ context: LintContext, _ out: inout FindingSink) {
    let expected = Casing.pascal(service.name)
    if service.name != expected {
      out.report(
        "Service name \(q(service.name)) should be PascalCase, such as \(q(expected)).",
        file: service.file, path: service.path + [1])
    }
  }
}
