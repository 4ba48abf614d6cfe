/// RPCs keep their client streaming.
struct RpcSameClientStreaming: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_CLIENT_STREAMING", purpose: "RPCs stay client-streaming or client-unary.")

  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let after = method.descriptor.clientStreaming
    guard previous.descriptor.clientStreaming != after else { return }
    let (b, a) = after ? ("unary", "streaming") : ("streaming", "unary")
    out.add(
      "RPC \(quoted(method.name)) on service \(quoted(method.service.name)) changed from client \(b) to client \(a).",
      at: method.location, against: previous.location, file: method.file)
  }
}
