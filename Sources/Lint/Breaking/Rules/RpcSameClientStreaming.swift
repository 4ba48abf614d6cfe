/// RPCs keep their client streaming.
struct RpcSameClientStreaming: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_CLIENT_STREAMING",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "RPCs stay client-streaming or client-unary.",
    examples: [
      .change(
        from: """
          syntax = "proto3";

          package acme.v1;

          message GetPetRequest {
            string id = 1;
          }

          message GetPetResponse {
            string name = 1;
          }

          service PetService {
            rpc ListPets(GetPetRequest) returns (GetPetResponse);
          }

          """,
        to: """
          syntax = "proto3";

          package acme.v1;

          message GetPetRequest {
            string id = 1;
          }

          message GetPetResponse {
            string name = 1;
          }

          service PetService {
            ↓rpc ListPets(stream GetPetRequest) returns (GetPetResponse);
          }

          """,
        [
          #"RPC "ListPets" on service "PetService" changed from client unary to client streaming."#
        ])
    ])

  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let after = method.descriptor.clientStreaming
    guard previous.descriptor.clientStreaming != after else { return }
    let (b, a) = after ? ("unary", "streaming") : ("streaming", "unary")
    out.add(
      "RPC \(quoted(method.name)) on service \(quoted(method.service.name)) changed from client \(b) to client \(a).",
      at: method.location, against: previous.location, file: method.file)
  }
}
