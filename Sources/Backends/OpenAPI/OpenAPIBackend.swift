// The `openapi` backend: an OpenAPI 3.1 document per service (`<Service>.openapi.yaml|json`)
// and, with the bundle options, one document for all services.

import Diagnostics
import Proto

/// Generates OpenAPI v3.1 documents for the services of the requested files.
public struct OpenAPIBackend: Backend {
  public init() {}
  public var name: String { "openapi" }

  public func generate(_ request: GenerationRequest) throws -> [GeneratedFile] {
    let options = try OpenAPIOptions(request.options)
    let schema = ProtoSchema(request.image)
    let services = HTTPAPI.decode(request.image, files: request.filesToGenerate).services
    try check(services, schema: schema)
    var files: [GeneratedFile] = []
    if !options.bundleOnly {
      for s in services {
        var doc = OpenAPIDocument(schema: schema, services: [s], naming: .local)
        let info = OpenAPIValue.obj([("title", .string("\(s.name) API")), ("version", .string("1.0.0"))])
        files.append(
          GeneratedFile(
            path: "\(s.name).openapi.\(options.fileExtension)", text: render(&doc, info: info, servers: [], options)))
      }
    }
    if options.writesBundle, !services.isEmpty {
      var doc = OpenAPIDocument(schema: schema, services: services, naming: .qualified)
      let contact = OpenAPIValue.obj([
        ("name", options.contactName.map(OpenAPIValue.string)),
        ("url", options.contactURL.map(OpenAPIValue.string)),
        ("email", options.contactEmail.map(OpenAPIValue.string)),
      ])
      let license = options.licenseName.map { name in
        OpenAPIValue.obj([("name", .string(name)), ("url", options.licenseURL.map(OpenAPIValue.string))])
      }
      let info = OpenAPIValue.obj([
        ("title", .string(options.title ?? "Generated API")),
        ("description", options.description.map(OpenAPIValue.string)),
        ("contact", contact == .object([]) ? nil : contact),
        ("license", license),
        ("version", .string(options.version ?? "1.0.0")),
      ])
      let path = options.bundleOutput ?? "openapi.\(options.fileExtension)"
      files.append(GeneratedFile(path: path, text: render(&doc, info: info, servers: options.servers, options)))
    }
    return files
  }

  private func render(_ doc: inout OpenAPIDocument, info: OpenAPIValue, servers: [String], _ options: OpenAPIOptions)
    -> String
  {
    let paths = doc.paths()
    // `itemSchema` (the schema of each server-sent event) is OpenAPI 3.2; other documents stay
    // 3.1 as upstream writes them.
    let value = OpenAPIValue.obj([
      ("openapi", .string(doc.hasStream ? "3.2.0" : "3.1.0")),
      ("info", info),
      ("servers", servers.isEmpty ? nil : .array(servers.map { .object([("url", .string($0))]) })),
      ("paths", paths),
      ("components", doc.componentsValue()),
    ])
    return options.render(value)
  }

  /// Annotation misuse, and two services that would write the same document.
  private func check(_ services: [HTTPService], schema: ProtoSchema) throws {
    // Every message that gets a component is checked (#218's message-typed path and query
    // parameters are route problems), each at its declaration.
    let checks = AnnotationChecks(schema: schema)
    var problems = services.flatMap { s in s.methods.flatMap { checks.check(route: $0, service: s) } }
    let messages = ComponentOrder.messages(
      schema: schema, roots: services.flatMap { s in s.methods.flatMap { [$0.inputType, $0.outputType] } })
    problems += messages.flatMap(checks.check(message:))
    var seen: [String: HTTPService] = [:]
    for s in services {
      if let first = seen[s.name] {
        problems.append(
          .error(
            "services '\(first.fullName)' and '\(s.fullName)' would both write \(s.name).openapi.*; rename one or generate them in separate jobs",
            at: schema.span(file: s.file, path: s.path)))
      } else {
        seen[s.name] = s
      }
    }
    if problems.hasErrors { throw DiagnosticError(problems.normalized()) }
  }
}
