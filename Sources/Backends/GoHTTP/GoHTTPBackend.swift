import Diagnostics
import Proto

/// `go-http`: Go HTTP handlers for sebuf-annotated services, written beside
/// protoc-gen-go's message types in the same Go package.
///
/// Per proto file with services: `<name>_http.pb.go`; with top-level messages named
/// `…Error`: `<name>_error_impl.pb.go` (their `Error()` methods). Per output directory (one Go
/// package): `sebuf_server.pb.go` (options, binding, SSE) and `sebuf_errors.pb.go`
/// (error types, byte-identical to go-client's). Files with JSON-mapping annotations
/// also get `<name>_json.pb.go` and the package `sebuf_json.pb.go`.
public struct GoHTTPBackend: Backend {
  public init() {}

  /// Exported identifiers of this backend's package runtime file.
  static let runtimeNames: Set<String> = [
    "JSONContentType", "BinaryContentType", "ProtoContentType", "ErrorHandler", "ServerOption", "WithMux",
    "WithErrorHandler", "WithMarshalOptions", "SSESender",
  ]

  public var name: String { "go-http" }

  public func generate(_ request: GenerationRequest) throws -> [GeneratedFile] {
    let run = GoBackendRun(
      backend: name, flags: ["generate_mock"], runtime: .server, runtimeNames: Self.runtimeNames,
      serviceSuffix: "_http.pb.go", serviceNames: { svc in ["\(svc)Server", "Register\(svc)Server"] })
    return try run.generate(
      request,
      checkOptions: { options in
        if options.flags["generate_mock"] == true {
          throw DiagnosticError(
            .error(
              "go-http: generate_mock=true is not supported by sebuf; remove the option", rule: "GENERATE"))
        }
      },
      extraFiles: { file, layout, out in
        if let text = try GoErrorImplFile(file: file, layout: layout).render() {
          try out.add(file: file, suffix: "_error_impl.pb.go", text: text)
        }
      },
      serviceFile: { file, services, layout in
        try GoServerFile(file: file, services: services, layout: layout).render()
      })
  }
}
