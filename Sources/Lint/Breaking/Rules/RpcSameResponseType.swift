/// RPCs keep their response type.
struct RpcSameResponseType: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_RESPONSE_TYPE", purpose: "RPCs keep their response type.")

  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.descriptor.outputType.trimmingLeadingDot
    let after = method.descriptor.outputType.trimmingLeadingDot
    guard before != after else { return }
    out.add(
      "RPC \(quoted(method.name)) on service \(quoted(method.service.name)) changed response type from \(quoted(before)) to \(quoted(after)).",
      at: method.location(3), against: previous.location(3), file: method.file)
  }
}
