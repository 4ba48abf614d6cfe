import Proto

/// GET and DELETE requests have no body, so every request field is a path variable or
/// a query parameter.
struct HTTPBodylessFieldsBound: LintRule {
  static let info = RuleInfo(
    id: "HTTP_BODYLESS_FIELDS_BOUND",
    categories: ["HTTP"],
    purpose:
      "Checks that every request field of a GET or DELETE method is bound to a path variable or a query parameter.",
    good: [
      HTTPExample.file(
        "message ListPetsRequest { int32 limit = 1 [(sebuf.http.query) = { name: \"limit\" }]; }\nmessage ListPetsResponse {}\nservice PetService {\n  rpc ListPets(ListPetsRequest) returns (ListPetsResponse) {\n    option (sebuf.http.config) = { path: \"/pets\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ],
    bad: [
      HTTPExample.file(
        "message ListPetsRequest { int32 limit = 1; }\nmessage ListPetsResponse {}\nservice PetService {\n  rpc ListPets(ListPetsRequest) returns (ListPetsResponse) {\n    ↓option (sebuf.http.config) = { path: \"/pets\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    for r in context.routes where r.route.hasConfig {
      for violation in context.annotationValidity.violations(route: r.route) {
        guard case .unboundFields(let unbound) = violation.problem else { continue }
        out.report(
          "\(r.route.verb.rawValue) RPC \(q(r.route.name)) has request fields bound to neither the path nor the query: \(unbound.map(q).joined(separator: ", ")); \(r.route.verb.rawValue) requests have no body, so annotate them with (sebuf.http.query), add them to the path, or use POST, PUT or PATCH.",
          file: r.file, path: context.configPath(r))
      }
    }
  }
}
