import Diagnostics
import Proto

/// The run go-http and go-client share, given what differs between them: decode the
/// options, then per file to generate its JSON-mapping files, any extra files and (for a
/// file with services) the service file plus the package runtime; then check the
/// identifiers sebuf declares against protoc-gen-go's types. The problems of every file
/// are thrown together, normalized.
struct GoBackendRun {
  /// The backend id: in option errors and the runtime file's header.
  var backend: String
  /// The backend's own boolean options.
  var flags: [String] = []
  /// The runtime files every package with services gets.
  var runtime: [GoRuntime]
  /// Exported identifiers of `runtime`.
  var runtimeNames: Set<String>
  /// Suffix of the per-proto service file (`_http.pb.go`).
  var serviceSuffix: String
  /// Exported identifiers declared for a service, given its Go name (`Users`).
  var serviceNames: (String) -> [String]

  /// `extraFiles` adds files for any file to generate (given its services); `serviceFile` renders the service file of a file.
  func generate(
    _ request: GenerationRequest,
    extraFiles: (String, [HTTPService], GoLayout, inout GoPackageOutput) throws -> Void = { _, _, _, _ in },
    serviceFile: (String, [HTTPService], GoLayout) throws -> String
  ) throws -> [GeneratedFile] {
    let options = try GoOptions(request.options, backend: backend, flags: flags + ["self_contained"])
    let index = DescriptorIndex(request.image)
    let layout = GoLayout(index: index, options: options)
    let api = HTTPAPI.decode(index, files: request.filesToGenerate)
    var out = GoPackageOutput(layout: layout, tool: backend)
    var problems: [Diagnostic] = []
    for file in request.filesToGenerate {
      do {
        try out.addJSON(for: file)
        let services = api.services.filter { $0.file == file }
        try extraFiles(file, services, layout, &out)
        guard !services.isEmpty else { continue }
        try out.add(file: file, suffix: serviceSuffix, text: try serviceFile(file, services, layout))
        try out.addRuntime(runtime, for: file)
      } catch let e as DiagnosticError {
        problems += e.diagnostics
      }
    }
    if problems.isEmpty {
      // Identifiers sebuf declares per Go package, checked against protoc-gen-go's types.
      var reserved: [String: Set<String>] = [:]
      for file in request.filesToGenerate {
        // Every file's package resolved above (its errors are in `problems`, which is empty here).
        guard let pkg = try? layout.package(of: file) else { continue }
        reserved[pkg.importPath, default: GoErrorTypes(layout: layout).declaredNames.union(runtimeNames)].formUnion(
          api.services.filter { $0.file == file }.flatMap { serviceNames(GoNamer.camelCase($0.name)) })
      }
      problems = GoNameCheck(layout: layout).check(reserved: reserved)
    }
    if !problems.isEmpty { throw DiagnosticError(problems.normalized()) }
    return out.files()
  }
}
