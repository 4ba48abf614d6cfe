import Proto

/// Writes `<name>_client.pb.go` for one proto file: per service the `<Svc>Client`
/// interface, its options, typed header helpers, the route table and the methods.
struct GoClientFile {
  let file: String
  let services: [HTTPService]
  let layout: GoLayout

  func render() throws -> String {
    try GoServiceFile.render(
      file: file, services: services, layout: layout, package: try layout.package(of: file), tool: "go-client",
      defaultRoute: .client, strictBody: false
    ) { service, routes, imports, p in
      writeService(service, routes: routes, imports: &imports, into: &p)
    }
  }

  /// A typed header helper: `X-API-Key` → `APIKey`.
  static func headerHelperName(_ header: String) -> String {
    var name = header
    if name.lowercased().hasPrefix("x-") { name.removeFirst(2) }
    let cleaned = name.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    guard let first = cleaned.first else { return "" }
    return first.isNumber ? "H" + cleaned : first.uppercased() + cleaned.dropFirst()
  }

  /// The Go names of one service's client declarations.
  private struct Names {
    /// `Users` for service `users`.
    let svc: String
    /// The unexported implementation type, `usersClient`.
    let impl: String
    /// Prefix of the route variables, `users`.
    let lower: String
    var clientOption: String { "\(svc)ClientOption" }
    var callOption: String { "\(svc)CallOption" }

    init(_ service: HTTPService) {
      svc = GoNamer.camelCase(service.name)
      lower = GoNamer.lowerFirst(svc)
      impl = lower + "Client"
    }
  }

  /// One service, phase by phase: interface, event-stream type, implementation and
  /// constructor, options, route table, methods.
  private func writeService(
    _ service: HTTPService, routes: [GoRoute], imports: inout GoImports, into p: inout CodePrinter
  ) {
    let names = Names(service)
    imports.std("net/http")
    if !routes.isEmpty { imports.std("context") }
    writeInterface(service, routes: routes, names: names, imports: &imports, into: &p)
    if routes.contains(where: { $0.route.stream }) {
      imports.std("google.golang.org/protobuf/proto")
      writeEventStreamType(names, into: &p)
    }
    writeConstructor(names, into: &p)
    writeOptions(service, routes: routes, names: names, into: &p)
    for r in routes { writeRouteTable(r, names: names, into: &p) }
    for r in routes { writeMethod(r, service: service, names: names, imports: &imports, into: &p) }
  }

  /// `type <Svc>Client interface { … }`, with the proto comments as doc.
  private func writeInterface(
    _ service: HTTPService, routes: [GoRoute], names: Names, imports: inout GoImports, into p: inout CodePrinter
  ) {
    let index = layout.index
    let svc = names.svc
    let doc = GoNamer.docLines(index.leadingComments(file: service.file, path: service.path))
    if doc.isEmpty {
      p.line("// \(svc)Client calls \(service.fullName) over HTTP.")
    } else {
      for l in doc { p.line(l) }
    }
    p.line("type \(svc)Client interface {")
    p.indented { p in
      for r in routes {
        for l in GoNamer.docLines(index.leadingComments(file: service.file, path: r.route.path)) { p.line(l) }
        let req = imports.name(r.request)
        let res = imports.name(r.response)
        let result = r.route.stream ? "*\(svc)EventStream[*\(res)]" : "*\(res)"
        p.line("\(r.goName)(ctx context.Context, req *\(req), opts ...\(svc)CallOption) (\(result), error)")
      }
    }
    p.line("}")
    p.blank()
  }

  /// `<Svc>EventStream[T]`, for services with a streaming method.
  private func writeEventStreamType(_ names: Names, into p: inout CodePrinter) {
    let svc = names.svc
    p.line("// \(svc)EventStream reads the Server-Sent Events of a streaming \(svc) method:")
    p.line("// call Next until it returns false, then check Err; Close releases the connection.")
    p.line("type \(svc)EventStream[T proto.Message] struct {")
    p.indented { $0.line("stream sebufEventStream[T]") }
    p.line("}")
    p.blank()
    // Declared on the exported type (not promoted from the runtime's), as upstream declares them.
    p.line("// Next reads the next event into event; false at the end of the stream or on an error.")
    p.line("func (s *\(svc)EventStream[T]) Next(event T) bool { return s.stream.Next(event) }")
    p.blank()
    p.line("// Err returns the error that ended the stream, or nil after a clean end.")
    p.line("func (s *\(svc)EventStream[T]) Err() error { return s.stream.Err() }")
    p.blank()
    p.line("// Close releases the connection; the server sees the client go away.")
    p.line("func (s *\(svc)EventStream[T]) Close() error { return s.stream.Close() }")
    p.blank()
  }

  /// The implementation type, the two option types and `New<Svc>Client`.
  private func writeConstructor(_ names: Names, into p: inout CodePrinter) {
    let svc = names.svc
    let impl = names.impl
    p.line("type \(impl) struct {")
    p.indented { $0.line("core sebufClient") }
    p.line("}")
    p.blank()
    p.line("// \(svc)ClientOption configures New\(svc)Client.")
    p.line("type \(svc)ClientOption func(*\(impl))")
    p.blank()
    p.line("// \(svc)CallOption configures one call.")
    p.line("type \(svc)CallOption func(*sebufCall)")
    p.blank()
    p.line("// New\(svc)Client returns a client for the server at baseURL (one trailing slash is")
    p.line("// ignored); it sends JSON with http.DefaultClient unless options say otherwise.")
    p.line("func New\(svc)Client(baseURL string, opts ...\(svc)ClientOption) \(svc)Client {")
    p.indented { p in
      p.line("c := &\(impl){core: sebufNewClient(baseURL)}")
      p.line("for _, opt := range opts {")
      p.indented { p in
        p.line("if opt != nil {")
        p.indented { $0.line("opt(c)") }
        p.line("}")
      }
      p.line("}")
      p.line("return c")
    }
    p.line("}")
    p.blank()
  }

  /// The fixed client and call options, then typed header helpers: service headers as
  /// client and call options, method headers as call options (a name is declared once).
  private func writeOptions(_ service: HTTPService, routes: [GoRoute], names: Names, into p: inout CodePrinter) {
    let svc = names.svc
    let impl = names.impl
    let clientOpt = names.clientOption
    let callOpt = names.callOption
    func option(_ doc: String, _ name: String, _ params: String, _ type: String, _ body: String) {
      p.line("// \(name) \(doc)")
      p.line("func \(name)(\(params)) \(type) {")
      p.indented { $0.line(body) }
      p.line("}")
      p.blank()
    }
    var used: Set<String> = []
    func fixed(_ name: String) -> String {
      used.insert(name)
      return name
    }
    option(
      "sets the HTTP client used for requests.", fixed("With\(svc)HTTPClient"), "client *http.Client", clientOpt,
      "return func(c *\(impl)) { c.core.httpClient = client }")
    option(
      "sets the request body format: ContentTypeJSON (default) or ContentTypeProto.",
      fixed("With\(svc)ContentType"), "contentType string", clientOpt,
      "return func(c *\(impl)) { c.core.contentType = contentType }")
    option(
      "sets a header sent with every request.", fixed("With\(svc)DefaultHeader"), "key, value string", clientOpt,
      "return func(c *\(impl)) { c.core.headers.Set(key, value) }")
    option(
      "makes responses with unknown fields decode instead of failing.",
      fixed("With\(svc)DiscardUnknownFields"), "discard bool", clientOpt,
      "return func(c *\(impl)) { c.core.discardUnknown = discard }")
    option(
      "sets a header on this call.", fixed("With\(svc)Header"), "key, value string", callOpt,
      "return func(c *sebufCall) { c.headers.Set(key, value) }")
    option(
      "sets the request body format of this call.", fixed("With\(svc)CallContentType"), "contentType string",
      callOpt, "return func(c *sebufCall) { c.contentType = contentType }")
    option(
      "makes this call's response decode despite unknown fields.",
      fixed("With\(svc)CallDiscardUnknownFields"), "discard bool", callOpt,
      "return func(c *sebufCall) { c.discardUnknown = discard }")

    func helper(_ header: HTTPHeader, client: Bool) {
      let base = Self.headerHelperName(header.name)
      guard !base.isEmpty else { return }
      let name = client ? "With\(svc)\(base)" : "With\(svc)Call\(base)"
      guard used.insert(name).inserted else { return }
      let what = client ? "on every request" : "on this call"
      if client {
        option(
          "sets the \(header.name) header \(what).", name, "value string", clientOpt,
          "return With\(svc)DefaultHeader(\(GoNamer.quote(header.name)), value)")
      } else {
        option(
          "sets the \(header.name) header \(what).", name, "value string", callOpt,
          "return With\(svc)Header(\(GoNamer.quote(header.name)), value)")
      }
    }
    for h in service.headers where !h.name.isEmpty {
      helper(h, client: true)
      helper(h, client: false)
    }
    for r in routes {
      for h in r.route.methodHeaders where !h.name.isEmpty { helper(h, client: false) }
    }
  }

  /// `var <svc><Method>ClientRoute = sebufClientRoute{…}`: verb, path, body and parameters.
  private func writeRouteTable(_ r: GoRoute, names: Names, into p: inout CodePrinter) {
    p.line("var \(names.lower)\(r.goName)ClientRoute = sebufClientRoute{")
    p.indented { p in
      var elements: [GoKeyed] = [
        .line("method", GoNamer.quote(r.route.verb.rawValue)), .line("path", GoNamer.quote(r.path)),
      ]
      if r.route.verb.hasBody { elements.append(.line("body", "true")) }
      if !r.pathParams.isEmpty {
        elements.append(.block("params", open: "[]sebufClientParam{", lines: r.pathParams.map(Self.param), close: "}"))
      }
      if !r.queryParams.isEmpty {
        elements.append(.block("query", open: "[]sebufClientParam{", lines: r.queryParams.map(Self.param), close: "}"))
      }
      p.goKeyed(elements)
    }
    p.line("}")
    p.blank()
  }

  /// The implementation of one method: a unary call or opening an event stream.
  private func writeMethod(
    _ r: GoRoute, service: HTTPService, names: Names, imports: inout GoImports, into p: inout CodePrinter
  ) {
    let svc = names.svc
    let impl = names.impl
    let callOpt = names.callOption
    let req = imports.name(r.request)
    let res = imports.name(r.response)
    let route = "\(names.lower)\(r.goName)ClientRoute"
    let call = "\(r.route.verb.rawValue) \(r.path)"
    if r.route.stream {
      let result = "*\(svc)EventStream[*\(res)]"
      p.line("// \(r.goName) opens the event stream of \(service.fullName).\(r.route.name) (\(call)).")
      p.line("func (c *\(impl)) \(r.goName)(ctx context.Context, req *\(req), opts ...\(callOpt)) (\(result), error) {")
      p.indented { p in
        p.line("call := c.core.newCall()")
        p.line("for _, opt := range opts {")
        p.indented { $0.line("opt(call)") }
        p.line("}")
        p.line("resp, err := c.core.stream(ctx, &\(route), req, call)")
        p.line("if err != nil {")
        p.indented { $0.line("return nil, err") }
        p.line("}")
        p.line("return &\(svc)EventStream[*\(res)]{sebufNewEventStream[*\(res)](resp, call.discardUnknown)}, nil")
      }
    } else {
      p.line("// \(r.goName) calls \(service.fullName).\(r.route.name) (\(call)).")
      p.line("func (c *\(impl)) \(r.goName)(ctx context.Context, req *\(req), opts ...\(callOpt)) (*\(res), error) {")
      p.indented { p in
        p.line("call := c.core.newCall()")
        p.line("for _, opt := range opts {")
        p.indented { $0.line("opt(call)") }
        p.line("}")
        p.line("res := &\(res){}")
        p.line("if err := c.core.invoke(ctx, &\(route), req, res, call); err != nil {")
        p.indented { $0.line("return nil, err") }
        p.line("}")
        p.line("return res, nil")
      }
    }
    p.line("}")
    p.blank()
  }

  static func param(_ p: GoParam) -> String {
    var parts = ["name: \(GoNamer.quote(p.name))", "field: \(GoNamer.quote(p.field))"]
    if !p.enumValues.isEmpty {
      let entries = p.enumValues.map { "\($0.number): \(GoNamer.quote($0.value))" }.joined(separator: ", ")
      parts.append("enumValues: map[int32]string{\(entries)}")
    }
    return "{" + parts.joined(separator: ", ") + "},"
  }
}
