/// RPCs keep their response type.
struct RpcSameResponseType: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_RESPONSE_TYPE",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "RPCs keep their response type.",
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
            rpc GetPet(GetPetRequest) returns (↓GetPetRequest);
          }

          """,
        [
          #"RPC "GetPet" on service "PetService" changed response type from "acme.v1.GetPetResponse" to "acme.v1.GetPetRequest"."#
        ])
    ])

  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.descriptor.outputType.trimmingLeadingDot
    let after = method.descriptor.outputType.trimmingLeadingDot
    guard before != after else { return }
    out.add(
      "RPC \(quoted(method.name)) on service \(quoted(method.service.name)) changed response type from \(quoted(before)) to \(quoted(after)).",
      at: method.location(3), against: previous.location(3), file: method.file)
  }
}
