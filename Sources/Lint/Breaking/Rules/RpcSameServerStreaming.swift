/// RPCs keep their server streaming.
struct RpcSameServerStreaming: MethodPairRule {
  static let info = RuleInfo(
    id: "RPC_SAME_SERVER_STREAMING", purpose: "RPCs stay server-streaming or server-unary.")

  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let after = method.descriptor.serverStreaming
    guard previous.descriptor.serverStreaming != after else { return }
    let (b, a) = after ? ("unary", "streaming") : ("streaming", "unary")
    out.add(
      "RPC \(quoted(method.name)) on service \(quoted(method.service.name)) changed from server \(b) to server \(a).",
      at: method.location, against: previous.location, file: method.file)
  }
}
