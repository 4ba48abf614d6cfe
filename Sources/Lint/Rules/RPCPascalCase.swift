/// RPC names are PascalCase.
struct RPCPascalCase: MethodLintRule {
  static let info = RuleInfo(
    id: "RPC_PASCAL_CASE",
    categories: ["BASIC", "STANDARD"],
    purpose: "Checks that RPCs are PascalCase.",
    good: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage GetPetRequest {}\nmessage GetPetResponse {}\nservice PetService { rpc GetPet(GetPetRequest) returns (GetPetResponse); }\n"
    ],
    bad: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage GetPetRequest {}\nmessage GetPetResponse {}\nservice PetService { rpc ↓get_pet(GetPetRequest) returns (GetPetResponse); }\n"
    ])

  func check(method: MethodElement, _ context: LintContext, _ out: inout FindingSink) {
    let expected = Casing.pascal(method.name)
    if method.name != expected {
      out.report(
        "RPC name \(q(method.name)) should be PascalCase, such as \(q(expected)).", file: method.file,
        path: method.path + [1])
    }
  }
}
