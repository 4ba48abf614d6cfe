import Diagnostics
import Proto

/// `go-client`: typed Go HTTP clients for sebuf-annotated services, written beside
/// protoc-gen-go's message types in the same Go package.
///
/// Per proto file with services: `<name>_client.pb.go`. Per output directory (one Go
/// package): `sebuf_client.pb.go` (transport, SSE reader) and `sebuf_errors.pb.go`
/// (byte-identical to go-http's, so both may share a directory). Files with
/// JSON-mapping annotations also get `<name>_json.pb.go` and `sebuf_json.pb.go`.
public struct GoClientBackend: Backend {
  public init() {}

  public var name: String { "go-client" }

  public func generate(_ request: GenerationRequest) throws -> [GeneratedFile] {
    let options = try GoOptions(request.options, backend: name, flags: [])
    let index = DescriptorIndex(request.image)
    let layout = GoLayout(index: index, options: options)
    let api = HTTPAPI.decode(index, files: request.filesToGenerate)
    var out = GoPackageOutput(layout: layout, tool: name)
    var problems: [Diagnostic] = []
    for file in request.filesToGenerate {
      do {
        try out.addJSON(for: file)
        let services = api.services.filter { $0.file == file }
        guard !services.isEmpty else { continue }
        let text = try GoClientFile(file: file, services: services, layout: layout).render()
        try out.add(file: file, suffix: "_client.pb.go", text: text)
        try out.addRuntime(for: file, name: "sebuf_client.pb.go") { GoClientRuntime.text(package: $0, tool: name) }
      } catch let e as DiagnosticError {
        problems += e.diagnostics
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems.normalized()) }
    return out.files()
  }
}
