/// RPCs are not client streaming.
struct RPCNoClientStreaming: MethodLintRule {
  static let info = RuleInfo(
    id: "RPC_NO_CLIENT_STREAMING",
    categories: ["UNARY_RPC"],
    purpose: "Checks that RPCs are not client streaming.",
    good: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage UploadRequest {}\nmessage UploadResponse {}\nservice FileService {\n  rpc Upload(UploadRequest) returns (UploadResponse);\n}\n"
    ],
    bad: [
      "syntax = \"proto3\";\npackage acme.v1;\nmessage UploadRequest {}\nmessage UploadResponse {}\nservice FileService {\n  ↓rpc Upload(stream UploadRequest) returns (UploadResponse);\n}\n"
    ])

  func check(method: MethodElement, _ context: LintContext, _ out: inout FindingSink) {
    if method.descriptor.clientStreaming {
      out.report("RPC \(q(method.name)) is client streaming.", file: method.file, path: method.path)
    }
  }
}
