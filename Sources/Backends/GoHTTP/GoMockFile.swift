import Proto

/// Writes `<name>_http_mock.pb.go` (go-http's `generate_mock=true`), upstream's mock
/// servers: per service `Mock<Svc>Server`, `NewMock<Svc>Server()` and every method, which
/// validates the request with `ValidateMessage` and answers with a response filled by the
/// package's `sebuf_mock.pb.go` (field examples, else sample values). Unlike upstream's,
/// streaming methods have the `SSESender` signature (one event), so the mock implements
/// `<Svc>Server`; and nothing seeds math/rand (upstream's deprecated `rand.Seed`).
struct GoMockFile {
  let file: String
  let services: [HTTPService]
  let layout: GoLayout

  func render() throws -> String {
    let pkg = try layout.package(of: file)
    var imports = GoImports(local: pkg)
    imports.std("context")
    var body = CodePrinter(indent: "\t")
    for service in services {
      let svc = GoNamer.camelCase(service.name)
      body.blank()
      body.line("// Mock\(svc)Server is a mock implementation of \(svc)Server.")
      body.line("type Mock\(svc)Server struct{}")
      body.blank()
      body.line("// NewMock\(svc)Server creates a new mock server for \(svc).")
      body.line("func NewMock\(svc)Server() *Mock\(svc)Server {")
      body.indented { $0.line("return &Mock\(svc)Server{}") }
      body.line("}")
      for method in service.methods {
        let name = GoNamer.camelCase(method.name)
        let req = imports.name(try layout.messageType(method.inputType))
        let res = imports.name(try layout.messageType(method.outputType))
        body.blank()
        body.line("// \(name) is a mock implementation of \(svc)Server.\(name).")
        if method.stream {
          body.line("func (m *Mock\(svc)Server) \(name)(ctx context.Context, req *\(req), stream SSESender) error {")
        } else {
          body.line("func (m *Mock\(svc)Server) \(name)(ctx context.Context, req *\(req)) (*\(res), error) {")
        }
        body.indented { p in
          p.line("if err := ValidateMessage(req); err != nil {")
          p.indented { $0.line(method.stream ? "return err" : "return nil, err") }
          p.line("}")
          p.line("resp := &\(res){}")
          p.line("sebufMockFill(resp.ProtoReflect())")
          p.line(method.stream ? "return stream.Send(resp)" : "return resp, nil")
        }
        body.line("}")
      }
    }
    var p = CodePrinter(indent: "\t")
    p.goFileHeader(tool: "go-http", source: file, package: pkg.name)
    imports.render(into: &p)
    var text = p.content + body.content.drop { $0 == "\n" }
    while text.hasSuffix("\n\n") { text.removeLast() }
    return text
  }
}
