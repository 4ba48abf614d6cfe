/// RPCs keep their request type.
struct RpcSameRequestType: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_REQUEST_TYPE", purpose: "RPCs keep their request type.")

  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.descriptor.inputType.trimmingLeadingDot
    let after = method.descriptor.inputType.trimmingLeadingDot
    guard before != after else { return }
    out.add(
      "RPC \(quoted(method.name)) on service \(quoted(method.service.name)) changed request type from \(quoted(before)) to \(quoted(after)).",
      at: method.location(2), against: previous.location(2), file: method.file)
  }
}
