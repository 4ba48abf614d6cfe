import SwiftProtobuf

/// RPCs keep their idempotency level.
struct RpcSameIdempotencyLevel: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_IDEMPOTENCY_LEVEL",
    purpose: "RPCs keep their idempotency level, which decides whether clients may retry or use GET.")

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
