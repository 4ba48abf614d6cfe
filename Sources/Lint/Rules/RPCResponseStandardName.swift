/// Response messages are named `MethodResponse` or `ServiceMethodResponse`.
struct RPCResponseStandardName: MethodLintRule {
  static let info = RuleInfo(
    id: "RPC_RESPONSE_STANDARD_NAME",
    categories: ["STANDARD"],
    purpose: "Checks that RPC response type names are RPCNameResponse or ServiceNameRPCNameResponse.",
    good: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage GetPetRequest {}\nmessage GetPetResponse {}\nservice PetService { rpc GetPet(GetPetRequest) returns (GetPetResponse); }\n"
    ],
    bad: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage GetPetRequest {}\nmessage Pet {}\nservice PetService { rpc GetPet(GetPetRequest) returns (↓Pet); }\n"
    ])

  func check(method: MethodElement, _ context: LintContext, _ out: inout FindingSink) {
    RPCStandardName.check(
      method, out: &out, type: method.outputType, word: "Response", what: "response", path: method.path + [3],
      allowEmpty: context.options.rpcAllowGoogleProtobufEmptyResponses)
  }
}
