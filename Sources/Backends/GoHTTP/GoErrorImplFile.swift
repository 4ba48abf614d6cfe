import Proto

/// Writes `<name>_error_impl.pb.go`: an `Error()` method for every top-level message
/// whose Go name ends in `Error`, so handlers can return such messages as Go errors
/// (the server then sends the message itself as the error body, as upstream does).
struct GoErrorImplFile {
  let file: String
  let layout: GoLayout

  func render() throws -> String? {
    guard let f = layout.index.file(file) else { return nil }
    let prefix = f.descriptor.package.isEmpty ? "" : f.descriptor.package + "."
    let messages = f.descriptor.messageType.filter { m in
      GoNamer.camelCase(m.name).hasSuffix("Error")
        // A field named `error` becomes a Go field `Error`, which a method cannot share.
        && !m.field.contains { GoNamer.camelCase($0.name) == "Error" }
    }
    guard !messages.isEmpty else { return nil }
    var p = CodePrinter(indent: "\t")
    p.goFileHeader(tool: "go-http", source: file, package: try layout.package(of: file).name)
    p.line("import \"google.golang.org/protobuf/encoding/protojson\"")
    for m in messages {
      let name = GoNamer.camelCase(m.name)
      p.blank()
      p.line("// Error makes \(name) a Go error: a handler may return it, and the server sends")
      p.line("// the message as the error body.")
      p.line("func (x *\(name)) Error() string {")
      p.indented { $0.line("return \(GoNamer.quote(prefix + m.name + ": ")) + protojson.MarshalOptions{}.Format(x)") }
      p.line("}")
    }
    return p.content
  }
}
