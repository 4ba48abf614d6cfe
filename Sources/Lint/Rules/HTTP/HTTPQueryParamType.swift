import Proto

/// Query parameters are scalars, enums, or repeated scalars/enums (upstream #218).
struct HTTPQueryParamType: FieldLintRule {
  static let info = RuleInfo(
    id: "HTTP_QUERY_PARAM_TYPE",
    categories: ["HTTP"],
    purpose: "Checks that fields annotated with (sebuf.http.query) are scalars, enums, or repeated scalars or enums.",
    good: [
      HTTPExample.file("message SearchRequest { repeated string tags = 1 [(sebuf.http.query) = { name: \"tag\" }]; }\n")
    ],
    bad: [
      HTTPExample.file(
        "message Filter { string q = 1; }\nmessage SearchRequest { Filter filter = 1 [↓(sebuf.http.query) = { name: \"filter\" }]; }\n"
      )
    ])

  func check(field: FieldElement, _ context: LintContext, _ out: inout FindingSink) {
    guard let query = field.descriptor.sebuf.query else { return }
    let d = field.descriptor
    guard !AnnotationValidity.isQueryValue(d) else { return }
    let name = query.name.isEmpty ? d.name : query.name
    out.report(
      "Query parameter \(q(name)) is bound to field \(q(d.name)) of type \(q(context.typeDescription(d))); query parameters must be scalars, enums, or repeated scalars or enums.",
      file: field.file, path: context.fieldOptionPath(field, SebufExtension.query))
  }
}
