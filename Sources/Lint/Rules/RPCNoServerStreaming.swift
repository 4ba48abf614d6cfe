/// RPCs are not server streaming (sebuf's SSE `stream` flag is separate and allowed).
struct RPCNoServerStreaming: MethodLintRule {
  static let info = RuleInfo(
    id: "RPC_NO_SERVER_STREAMING",
    categories: ["UNARY_RPC"],
    purpose: "Checks that RPCs are not server streaming.",
    good: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage WatchRequest {}\nmessage WatchResponse {}\nservice FileService {\n  rpc Watch(WatchRequest) returns (WatchResponse);\n}\n"
    ],
    bad: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage WatchRequest {}\nmessage WatchResponse {}\nservice FileService {\n  ↓rpc Watch(WatchRequest) returns (stream WatchResponse);\n}\n"
    ])

  func check(method: MethodElement, _ context: LintContext, _ out: inout FindingSink) {
    if method.descriptor.serverStreaming {
      out.report("RPC \(q(method.name)) is server streaming.", file: method.file, path: method.path)
    }
  }
}
