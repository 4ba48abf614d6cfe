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

  /// Exported identifiers of this backend's package runtime file.
  static let runtimeNames: Set<String> = ["ContentTypeJSON", "ContentTypeProto"]

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
        try out.addRuntime(.client, for: file)
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
            return ["\(svc)Client", "New\(svc)Client", "\(svc)ClientOption", "\(svc)CallOption", "\(svc)EventStream"]
          })
      }
      problems = GoNameCheck(layout: layout).check(reserved: reserved)
    }
    if !problems.isEmpty { throw DiagnosticError(problems.normalized()) }
    return out.files()
  }
}
