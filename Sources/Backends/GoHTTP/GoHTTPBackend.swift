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
  static let runtimeNames: Set<String> = ["JSONContentType", "BinaryContentType", "ProtoContentType", "ErrorHandler", "ServerOption", "WithMux", "WithErrorHandler", "WithMarshalOptions", "SSESender"]

  public var name: String { "go-http" }

  public func generate(_ request: GenerationRequest) throws -> [GeneratedFile] {
    let options = try GoOptions(request.options, backend: name, flags: ["generate_mock"])
    if options.flags["generate_mock"] == true {
      throw DiagnosticError(.error(
        "go-http: generate_mock=true is not supported by sebuf; remove the option", rule: "GENERATE"))
    }
    let index = DescriptorIndex(request.image)
    let layout = GoLayout(index: index, options: options)
    let api = HTTPAPI.decode(index, files: request.filesToGenerate)
    var out = GoPackageOutput(layout: layout, tool: name)
    var problems: [Diagnostic] = []
    for file in request.filesToGenerate {
      do {
        try out.addJSON(for: file)
        if let text = try GoErrorImplFile(file: file, layout: layout).render() {
          try out.add(file: file, suffix: "_error_impl.pb.go", text: text)
        }
        let services = api.services.filter { $0.file == file }
        guard !services.isEmpty else { continue }
        let text = try GoServerFile(file: file, services: services, layout: layout).render()
        try out.add(file: file, suffix: "_http.pb.go", text: text)
        try out.addRuntime(.server, for: file)
      } catch let e as DiagnosticError {
        problems += e.diagnostics
      }
    }
    if problems.isEmpty {
      // Identifiers sebuf declares per Go package, checked against protoc-gen-go's types.
      var reserved: [String: Set<String>] = [:]
      for file in request.filesToGenerate {
        guard let pkg = try? layout.package(of: file) else { continue }
        reserved[pkg.importPath, default: GoNameCheck.sharedNames.union(Self.runtimeNames)].formUnion(
          api.services.filter { $0.file == file }.flatMap { s -> [String] in
            let svc = GoNamer.camelCase(s.name)
            return ["\(svc)Server", "Register\(svc)Server"]
          })
      }
      problems = GoNameCheck(layout: layout).check(reserved: reserved)
    }
    if !problems.isEmpty { throw DiagnosticError(problems.normalized()) }
    return out.files()
  }
}
