/// RPCs have a leading comment that documents them.
struct CommentRPC: MethodLintRule {
  private static let examples = CommentCheck.example(
    "message GetPetRequest {}\nmessage GetPetResponse {}\n// Pets.\nservice PetService {\n  // Gets one.\n  rpc GetPet(GetPetRequest) returns (GetPetResponse);\n}\n",
    "message GetPetRequest {}\nmessage GetPetResponse {}\n// Pets.\nservice PetService {\n  ↓rpc GetPet(GetPetRequest) returns (GetPetResponse);\n}\n"
  )
  static let info = RuleInfo(
    id: "COMMENT_RPC",
    categories: ["COMMENTS"],
    purpose: "Checks that RPCs have non-empty comments.",
    good: examples.good, bad: examples.bad)

  func check(method: MethodElement, _ context: LintContext, _ out: inout FindingSink) {
    CommentCheck.check("RPC", name: method.name, file: method.file, path: method.path, context, &out)
  }
}
