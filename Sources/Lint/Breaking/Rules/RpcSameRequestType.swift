/// RPCs keep their request type.
struct RpcSameRequestType: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_REQUEST_TYPE",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "RPCs keep their request type.",
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
            rpc GetPet(↓GetPetResponse) returns (GetPetResponse);
          }

          """,
        [
          #"RPC "GetPet" on service "PetService" changed request type from "acme.v1.GetPetRequest" to "acme.v1.GetPetResponse"."#
        ])
    ])

  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.descriptor.inputType.trimmingLeadingDot
    let after = method.descriptor.inputType.trimmingLeadingDot
    guard before != after else { return }
    out.add(
      "RPC \(quoted(method.name)) on service \(quoted(method.service.name)) changed request type from \(quoted(before)) to \(quoted(after)).",
      at: method.location(2), against: previous.location(2), file: method.file)
  }
}
