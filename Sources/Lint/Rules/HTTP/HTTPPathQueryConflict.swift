import Proto

/// A field is either a path variable or a query parameter of a method, not both.
struct HTTPPathQueryConflict: LintRule {
  static let info = RuleInfo(
    id: "HTTP_PATH_QUERY_CONFLICT",
    categories: ["HTTP"],
    purpose: "Checks that no request field is both a path variable and a query parameter.",
    good: [
      HTTPExample.file(
        "message GetPetRequest { string pet_id = 1; }\nmessage GetPetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    option (sebuf.http.config) = { path: \"/pets/{pet_id}\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ],
    bad: [
      HTTPExample.file(
        "message GetPetRequest { string pet_id = 1 [↓(sebuf.http.query) = { name: \"pet_id\" }]; }\nmessage GetPetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    option (sebuf.http.config) = { path: \"/pets/{pet_id}\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    let fieldsByMessage = Dictionary(grouping: context.fields.filter { !$0.isExtension && $0.parent != nil }) {
      $0.parent!.fullName
    }
    for r in context.routes where r.route.hasConfig {
      for violation in context.annotationValidity.violations(route: r.route) {
        guard case .pathAndQuery(let qp, _) = violation.problem else { continue }
        let field = fieldsByMessage[r.route.inputType]?.first { $0.name == qp.fieldName }
        let file = field?.file ?? r.file
        let path = field.map { context.fieldOptionPath($0, SebufExtension.query) } ?? context.configPath(r)
        out.report(
          "Field \(q(qp.fieldName)) of \(q(r.route.inputType)) is both a path variable of RPC \(q(r.route.name)) and a query parameter; remove its (sebuf.http.query) annotation or the path variable.",
          file: file, path: path)
      }
    }
  }
}
