/// Request messages are named `MethodRequest` or `ServiceMethodRequest`.
struct RPCRequestStandardName: MethodLintRule {
  static let info = RuleInfo(
    id: "RPC_REQUEST_STANDARD_NAME",
    categories: ["STANDARD"],
    purpose: "Checks that RPC request type names are RPCNameRequest or ServiceNameRPCNameRequest.",
    good: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage GetPetRequest {}\nmessage GetPetResponse {}\nservice PetService { rpc GetPet(GetPetRequest) returns (GetPetResponse); }\n"
    ],
    bad: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage PetQuery {}\nmessage GetPetResponse {}\nservice PetService { rpc GetPet(↓PetQuery) returns (GetPetResponse); }\n"
    ])

  func check(method: MethodElement, _ context: LintContext, _ out: inout FindingSink) {
    RPCStandardName.check(
      method, out: &out, type: method.inputType, word: "Request", what: "request", path: method.path + [2],
      allowEmpty: context.options.rpcAllowGoogleProtobufEmptyRequests)
  }
}

/// Shared body of the request/response naming rules.
enum RPCStandardName {
  static func check(
    _ method: MethodElement, out: inout FindingSink, type: String, word: String, what: String, path: [Int32],
    allowEmpty: Bool
  ) {
    if allowEmpty && type == "google.protobuf.Empty" { return }
    let name = type.split(separator: ".").last.map(String.init) ?? type
    let first = Casing.pascal(method.name) + word
    let second = Casing.pascal(method.service.name) + first
    if name != first && name != second {
      out.report(
        "RPC \(what) type \(q(name)) should be named \(q(first)) or \(q(second)).", file: method.file, path: path)
    }
  }
}
