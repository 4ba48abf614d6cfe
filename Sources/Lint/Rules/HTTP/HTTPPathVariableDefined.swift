import Proto
/// Every `{variable}` of a method path names a field of the request message.
struct HTTPPathVariableDefined: LintRule {
  static let info = RuleInfo(
    id: "HTTP_PATH_VARIABLE_DEFINED",
    categories: ["HTTP"],
    purpose: "Checks that every path variable names a field of the request message.",
    good: [HTTPExample.file("message GetPetRequest { string pet_id = 1; }\nmessage GetPetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    option (sebuf.http.config) = { path: \"/pets/{pet_id}\" method: HTTP_METHOD_GET };\n  }\n}\n")],
    bad: [HTTPExample.file("message GetPetRequest { string id = 1; }\nmessage GetPetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    ↓option (sebuf.http.config) = { path: \"/pets/{pet_id}\" method: HTTP_METHOD_GET };\n  }\n}\n")])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    for r in context.routes where r.route.hasConfig {
      guard let input = context.messageByName[r.route.inputType] else { continue }
      let names = Set(input.field.map(\.name))
      for v in r.route.pathParams where !names.contains(v) {
        out.report(
          "Path variable \"{\(v)}\" of RPC \(q(r.route.name)) has no matching field in request message \(q(r.route.inputType)); add a field named \(q(v)) or fix the variable name.",
          file: r.file, path: context.configPath(r))
      }
    }
  }
}
