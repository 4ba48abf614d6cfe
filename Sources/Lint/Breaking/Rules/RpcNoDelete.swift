/// RPCs are not deleted from a service.
struct RpcNoDelete: ServicePairRule {
  static let info = RuleInfo(
    id: "RPC_NO_DELETE",
    categories: ["FILE", "PACKAGE"],
    purpose: "RPCs are not deleted from a service, since their callers start failing.",
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
            rpc GetPet(GetPetRequest) returns (GetPetResponse);
            rpc DeletePet(GetPetRequest) returns (GetPetResponse);
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

          ↓service PetService {
            rpc GetPet(GetPetRequest) returns (GetPetResponse);
          }

          """,
        [
          #"Previously present RPC "DeletePet" on service "PetService" was deleted."#
        ])
    ])

  func check(_ service: ServiceNode, _ previous: ServiceNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = Set(service.descriptor.method.map(\.name))
    for m in previous.descriptor.method where !current.contains(m.name) {
      out.add(
        "Previously present RPC \(quoted(m.name)) on service \(quoted(service.name)) was deleted.",
        at: service.location, against: previous.location, file: service.file)
    }
  }
}
