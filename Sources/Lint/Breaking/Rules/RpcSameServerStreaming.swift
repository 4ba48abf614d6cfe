/// RPCs keep their server streaming.
struct RpcSameServerStreaming: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_SERVER_STREAMING",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "RPCs stay server-streaming or server-unary.",
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
            rpc WatchPets(GetPetRequest) returns (stream GetPetResponse);
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
            ↓rpc WatchPets(GetPetRequest) returns (GetPetResponse);
          }

          """,
        [
          #"RPC "WatchPets" on service "PetService" changed from server streaming to server unary."#
        ])
    ])

  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let after = method.descriptor.serverStreaming
    guard previous.descriptor.serverStreaming != after else { return }
    let (b, a) = after ? ("unary", "streaming") : ("streaming", "unary")
    out.add(
      "RPC \(quoted(method.name)) on service \(quoted(method.service.name)) changed from server \(b) to server \(a).",
      at: method.location, against: previous.location, file: method.file)
  }
}
