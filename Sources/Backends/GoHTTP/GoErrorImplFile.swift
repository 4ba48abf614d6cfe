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
    if f.descriptor.package != "sebuf.http" {
      p.line("import \"google.golang.org/protobuf/encoding/protojson\"")
    } else if messages.contains(where: { $0.name == "ValidationError" }) {
      p.line("import \"strings\"")
    }
    if f.descriptor.package == "sebuf.http" {
      // A vendored copy of sebuf/http/errors.proto: its package becomes the one the
      // generated servers and clients use, so it gets upstream's hand-written texts.
      writeSebufHTTPErrors(messages.map(\.name), into: &p)
      return p.content
    }
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

  /// The Error methods of upstream's `sebuf.http` ValidationError and Error messages, with
  /// upstream's texts (sebuf.md §1.3).
  private func writeSebufHTTPErrors(_ names: [String], into p: inout CodePrinter) {
    if names.contains("ValidationError") {
      p.blank()
      p.line("// Error describes the violations in one line.")
      p.line("func (x *ValidationError) Error() string {")
      p.indented { p in
        p.line("violations := x.GetViolations()")
        p.line("switch len(violations) {")
        p.line("case 0:")
        p.indented { $0.line("return \"validation error: no violations\"") }
        p.line("case 1:")
        p.indented {
          $0.line("return \"validation error: \" + violations[0].GetField() + \": \" + violations[0].GetDescription()")
        }
        p.line("}")
        p.line("parts := make([]string, 0, len(violations))")
        p.line("for _, v := range violations {")
        p.indented { $0.line("parts = append(parts, v.GetField()+\": \"+v.GetDescription())") }
        p.line("}")
        p.line("return \"validation error: [\" + strings.Join(parts, \", \") + \"]\"")
      }
      p.line("}")
    }
    if names.contains("Error") {
      p.blank()
      p.line("// Error returns the message.")
      p.line("func (x *Error) Error() string {")
      p.indented { p in
        p.line("if x.GetMessage() == \"\" {")
        p.indented { $0.line("return \"error: empty message\"") }
        p.line("}")
        p.line("return x.GetMessage()")
      }
      p.line("}")
    }
  }
}
