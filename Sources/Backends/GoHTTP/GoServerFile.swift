import Proto

/// Writes `<name>_http.pb.go` for one proto file: per service the `<Svc>Server`
/// interface, the binding table of every method and `Register<Svc>Server`.
struct GoServerFile {
  let file: String
  let services: [HTTPService]
  let layout: GoLayout

  func render() throws -> String {
    let pkg = try layout.package(of: file)
    return try GoServiceFile.render(
      file: file, services: services, layout: layout, package: pkg, tool: "go-http",
      defaultRoute: .server(packageName: pkg.name), strictBody: true
    ) { service, routes, imports, p in
      writeService(service, routes: routes, imports: &imports, into: &p)
    }
  }

  private func writeService(
    _ service: HTTPService, routes: [GoRoute], imports: inout GoImports, into p: inout CodePrinter
  ) {
    let index = layout.index
    let svc = GoNamer.camelCase(service.name)
    let lower = GoNamer.lowerFirst(svc)
    if !routes.isEmpty { imports.std("context") }

    for l in GoNamer.docLines(index.leadingComments(file: service.file, path: service.path)) { p.line(l) }
    if GoNamer.docLines(index.leadingComments(file: service.file, path: service.path)).isEmpty {
      p.line("// \(svc)Server is implemented by the handlers of \(service.fullName).")
    }
    p.line("type \(svc)Server interface {")
    p.indented { p in
      for r in routes {
        for l in GoNamer.docLines(index.leadingComments(file: service.file, path: r.route.path)) { p.line(l) }
        let req = imports.name(r.request)
        if r.route.stream {
          p.line("\(r.goName)(context.Context, *\(req), SSESender) error")
        } else {
          p.line("\(r.goName)(context.Context, *\(req)) (*\(imports.name(r.response)), error)")
        }
      }
    }
    p.line("}")
    p.blank()

    for r in routes {
      p.line("var \(lower)\(r.goName)Route = sebufServerRoute{")
      p.indented { p in
        // A ServeMux pattern ending in "/" matches a whole subtree; "{$}" keeps it exact.
        let exact = r.path.hasSuffix("/") ? r.path + "{$}" : r.path
        var elements: [GoKeyed] = [.line("pattern", GoNamer.quote("\(r.route.verb.rawValue) \(exact)"))]
        if r.route.verb.hasBody { elements.append(.line("body", "true")) }
        if !r.route.headers.isEmpty {
          elements.append(
            .block(
              "headers", open: "[]*sebufHTTPHeader{",
              lines: r.route.headers.map { h in
                var parts = ["Name: \(GoNamer.quote(h.name))"]
                if !h.type.isEmpty { parts.append("Type: \(GoNamer.quote(h.type))") }
                if !h.format.isEmpty { parts.append("Format: \(GoNamer.quote(h.format))") }
                if h.required { parts.append("Required: true") }
                return "{" + parts.joined(separator: ", ") + "},"
              }, close: "}"))
        }
        if !r.pathParams.isEmpty {
          elements.append(.block("path", open: "[]sebufServerParam{", lines: r.pathParams.map(Self.param), close: "}"))
        }
        if !r.queryParams.isEmpty {
          elements.append(
            .block("query", open: "[]sebufServerParam{", lines: r.queryParams.map(Self.param), close: "}"))
        }
        p.goKeyed(elements)
      }
      p.line("}")
      p.blank()
    }

    p.line("// Register\(svc)Server registers the routes of \(service.fullName) on the mux of the")
    p.line("// options (http.DefaultServeMux by default). Conflicting routes are returned as an error.")
    p.line("func Register\(svc)Server(server \(svc)Server, opts ...ServerOption) error {")
    p.indented { p in
      if routes.isEmpty {
        p.line("_ = server")
        p.line("_ = sebufNewServerConfiguration(opts)")
        p.line("return nil")
        return
      }
      p.line("cfg := sebufNewServerConfiguration(opts)")
      p.line("return sebufRegister(cfg.mux, []sebufRegistration{")
      p.indented { p in
        for r in routes {
          let route = "\(lower)\(r.goName)Route"
          let req = imports.name(r.request)
          let serve = r.route.stream ? "sebufServeStream" : "sebufServeUnary"
          p.line(
            "{\(route).pattern, \(serve)(cfg, &\(route), func() *\(req) { return &\(req){} }, server.\(r.goName))},")
        }
      }
      p.line("})")
    }
    p.line("}")
    p.blank()
  }

  static func param(_ p: GoParam) -> String {
    var parts = ["name: \(GoNamer.quote(p.name))", "field: \(GoNamer.quote(p.field))"]
    if p.required { parts.append("required: true") }
    if !p.enumValues.isEmpty {
      let entries = p.enumValues.map { "\(GoNamer.quote($0.value)): \($0.number)" }.joined(separator: ", ")
      parts.append("enumValues: map[string]int32{\(entries)}")
    }
    return "{" + parts.joined(separator: ", ") + "},"
  }
}
