/// Service names end with `service_suffix` (default `Service`).
struct ServiceSuffix: ServiceLintRule {
  static let info = RuleInfo(
    id: "SERVICE_SUFFIX",
    categories: ["STANDARD"],
    purpose: "Checks that services have a consistent suffix (configurable, default Service).",
    good: ["syntax = \"proto3\";\npackage acme.v1;\nservice PetService {}\n"],
    bad: ["syntax = \"proto3\";\npackage acme.v1;\nservice ↓Pets {}\n"])

  func check(service: ServiceElement, _ context: LintContext, _ out: inout FindingSink) {
    let suffix = context.options.serviceSuffix
    if !service.name.hasSuffix(suffix) {
      out.report(
        "Service name \(q(service.name)) should be suffixed with \(q(suffix)).", file: service.file,
        path: service.path + [1])
    }
  }
}
