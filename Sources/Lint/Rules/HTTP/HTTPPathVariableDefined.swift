import Proto

/// Every `{variable}` of a method path names a field of the request message.
struct HTTPPathVariableDefined: LintRule {
  static let info = RuleInfo(
    id: "HTTP_PATH_VARIABLE_DEFINED",
    categories: ["HTTP"],
    purpose: "Checks that every path variable names a field of the request message.",
    good: [
      HTTPExample.file(
        "message GetPetRequest { string pet_id = 1; }\nmessage GetPetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    option (sebuf.http.config) = { path: \"/pets/{pet_id}\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ],
    bad: [
      HTTPExample.file(
        "message GetPetRequest { string id = 1; }\nmessage GetPetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    ↓option (sebuf.http.config) = { path: \"/pets/{pet_id}\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    for r in context.routes where r.route.hasConfig {
      for violation in context.annotationValidity.violations(route: r.route) {
        guard case .pathVariableUndefined(let v) = violation.problem else { continue }
        out.report(
          "Path variable \"{\(v)}\" of RPC \(q(r.route.name)) has no matching field in request message \(q(r.route.inputType)); add a field named \(q(v)) or fix the variable name.",
          file: r.file, path: context.configPath(r))
      }
    }
  }
}
