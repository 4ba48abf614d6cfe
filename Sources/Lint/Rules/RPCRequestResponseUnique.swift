/// Every RPC has its own request and response messages.
struct RPCRequestResponseUnique: LintRule {
  static let info = RuleInfo(
    id: "RPC_REQUEST_RESPONSE_UNIQUE",
    categories: ["STANDARD"],
    purpose: "Checks that RPC request and response types are only used in one RPC (configurable).",
    good: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage GetPetRequest {}\nmessage GetPetResponse {}\nservice PetService { rpc GetPet(GetPetRequest) returns (GetPetResponse); }\n"
    ],
    bad: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage Pet {}\nservice PetService {\n  ↓rpc Echo(Pet) returns (Pet);\n}\n"
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    let o = context.options
    let empty = "google.protobuf.Empty"
    if !o.rpcAllowSameRequestResponse {
      for m in context.methods where m.inputType == m.outputType {
        if m.inputType == empty && o.rpcAllowGoogleProtobufEmptyRequests && o.rpcAllowGoogleProtobufEmptyResponses {
          continue
        }
        out.report(
          "RPC \(q(m.name)) has the same type \(q(m.inputType)) for the request and response.", file: m.file,
          path: m.path)
      }
    }
    // type → methods using it (each method once per type), in declaration order.
    var users: [String: [Int]] = [:]
    var order: [String] = []
    for (i, m) in context.methods.enumerated() {
      for t in Set([m.inputType, m.outputType]).sorted() {
        if users[t] == nil { order.append(t) }
        users[t, default: []].append(i)
      }
    }
    for t in order {
      let ms = users[t] ?? []
      guard ms.count > 1 else { continue }
      if t == empty && (o.rpcAllowGoogleProtobufEmptyRequests || o.rpcAllowGoogleProtobufEmptyResponses) {
        if o.rpcAllowGoogleProtobufEmptyRequests && o.rpcAllowGoogleProtobufEmptyResponses { continue }
        let requests = ms.filter { context.methods[$0].inputType == empty }
        let responses = ms.filter { context.methods[$0].outputType == empty }
        if !o.rpcAllowGoogleProtobufEmptyRequests && requests.count > 1 {
          for i in requests {
            let m = context.methods[i]
            out.report("\(q(t)) is used as the request for multiple RPCs.", file: m.file, path: m.path)
          }
        }
        if !o.rpcAllowGoogleProtobufEmptyResponses && responses.count > 1 {
          for i in responses {
            let m = context.methods[i]
            out.report("\(q(t)) is used as the response for multiple RPCs.", file: m.file, path: m.path)
          }
        }
      } else {
        for i in ms {
          let m = context.methods[i]
          out.report("\(q(t)) is used as the request or response type for multiple RPCs.", file: m.file, path: m.path)
        }
      }
    }
  }
}
