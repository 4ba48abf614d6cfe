import Proto

/// `go-client`: typed Go HTTP clients for sebuf-annotated services, written beside
/// protoc-gen-go's message types in the same Go package.
///
/// Per proto file with services: `<name>_client.pb.go`. Per output directory (one Go
/// package): `sebuf_client.pb.go` (transport, SSE reader) and `sebuf_errors.pb.go`
/// (``GoErrorTypes``, byte-identical to go-http's, so both may share a directory). Files
/// with JSON-mapping annotations also get the files ``GoJSONFiles`` names (upstream's:
/// `<name>_unwrap.pb.go`, `<name>_enum_encoding.pb.go`, …) and `sebuf_json.pb.go`.
public struct GoClientBackend: Backend {
  public init() {}

  /// Exported identifiers of this backend's package runtime file.
  static let runtimeNames: Set<String> = ["ContentTypeJSON", "ContentTypeProto"]

  public var name: String { "go-client" }

  public func generate(_ request: GenerationRequest) throws -> [GeneratedFile] {
    let run = GoBackendRun(
      backend: name, runtime: [.client], runtimeNames: Self.runtimeNames, serviceSuffix: "_client.pb.go",
      serviceNames: { svc in
        ["\(svc)Client", "New\(svc)Client", "\(svc)ClientOption", "\(svc)CallOption", "\(svc)EventStream"]
      })
    return try run.generate(request) { file, services, layout in
      try GoClientFile(file: file, services: services, layout: layout).render()
    }
  }
}
