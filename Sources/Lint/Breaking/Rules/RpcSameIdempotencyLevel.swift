import SwiftProtobuf

/// RPCs keep their idempotency level.
struct RpcSameIdempotencyLevel: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_IDEMPOTENCY_LEVEL",
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"],
    purpose: "RPCs keep their idempotency level, which decides whether clients may retry or use GET.",
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
            rpc Lookup(GetPetRequest) returns (GetPetResponse) {
              option idempotency_level = NO_SIDE_EFFECTS;
            }
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
            rpc Lookup(GetPetRequest) returns (GetPetResponse) {
              ↓option idempotency_level = IDEMPOTENT;
            }
          }

          """,
        [
          #"RPC "Lookup" on service "PetService" changed option "idempotency_level" from "NO_SIDE_EFFECTS" to "IDEMPOTENT"."#
        ])
    ])

  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.descriptor.options.idempotencyLevel
    let after = method.descriptor.options.idempotencyLevel
    guard before != after else { return }
    out.add(
      "RPC \(quoted(method.name)) on service \(quoted(method.service.name)) changed option \"idempotency_level\" from \(quoted(before.name)) to \(quoted(after.name)).",
      at: method.location(4, 34), against: previous.location(4, 34), file: method.file)
  }
}

extension Google_Protobuf_MethodOptions.IdempotencyLevel {
  var name: String {
    switch self {
    case .idempotencyUnknown: "IDEMPOTENCY_UNKNOWN"
    case .noSideEffects: "NO_SIDE_EFFECTS"
    case .idempotent: "IDEMPOTENT"
    }
  }
}
