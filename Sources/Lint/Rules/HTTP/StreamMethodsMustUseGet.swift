import Proto

/// A `stream: true` (Server-Sent Events) method is GET: browsers' EventSource can only GET.
struct StreamMethodsMustUseGet: LintRule {
  static let info = RuleInfo(
    id: "STREAM_METHODS_MUST_USE_GET",
    categories: ["HTTP"],
    purpose:
      "Checks that methods with (sebuf.http.config).stream = true use HTTP GET, the only method EventSource can send.",
    good: [
      HTTPExample.file(
        "message WatchRequest {}\nmessage WatchResponse {}\nservice WatchService {\n  rpc Watch(WatchRequest) returns (WatchResponse) {\n    option (sebuf.http.config) = { path: \"/watch\" method: HTTP_METHOD_GET stream: true };\n  }\n}\n"
      )
    ],
    bad: [
      HTTPExample.file(
        "message WatchRequest {}\nmessage WatchResponse {}\nservice WatchService {\n  rpc Watch(WatchRequest) returns (WatchResponse) {\n    ↓option (sebuf.http.config) = { path: \"/watch\" method: HTTP_METHOD_POST stream: true };\n  }\n}\n"
      )
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    for r in context.routes where r.route.stream && r.route.verb != .get {
      out.report(
        "RPC \(q(r.route.name)) streams Server-Sent Events over \(r.route.verb.rawValue), but stream methods must use GET (EventSource can only send GET); set method: HTTP_METHOD_GET.",
        file: r.file, path: context.configPath(r))
    }
  }
}
