import Proto

/// Path variables bind singular scalar or enum fields, never messages, maps or lists.
struct HTTPPathVariableScalar: LintRule {
  static let info = RuleInfo(
    id: "HTTP_PATH_VARIABLE_SCALAR",
    categories: ["HTTP"],
    purpose: "Checks that path variables are bound to singular scalar or enum fields.",
    good: [
      HTTPExample.file(
        "message GetPetRequest { int64 pet_id = 1; }\nmessage GetPetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    option (sebuf.http.config) = { path: \"/pets/{pet_id}\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ],
    bad: [
      HTTPExample.file(
        "message Ref { string id = 1; }\nmessage GetPetRequest { Ref ref = 1; }\nmessage GetPetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    ↓option (sebuf.http.config) = { path: \"/pets/{ref}\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    for r in context.routes where r.route.hasConfig {
      guard let input = context.messageByName[r.route.inputType] else { continue }
      for violation in context.annotationValidity.violations(route: r.route) {
        guard case .pathVariableNotScalar(let v, let i) = violation.problem else { continue }
        out.report(
          "Path variable \"{\(v)}\" of RPC \(q(r.route.name)) is bound to field \(q(v)) of type \(q(context.typeDescription(input.field[i]))), but path variables must be singular scalars or enums (string, integers, bool, float, double, enum); change the field type or remove it from the path.",
          file: r.file, path: context.configPath(r))
      }
    }
  }
}
