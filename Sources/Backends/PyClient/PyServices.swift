// The service part of one py-client module: `<Service>ClientOptions`, `<Service>CallOptions`
// and `<Service>Client`, whose methods bind path and query parameters exactly as the Go and
// TS clients do and return a typed value (unary) or an EventStream of typed events (SSE).

import Proto

struct PyServices {
  let schema: ProtoSchema
  let codecs: PyCodecs

  private struct Header {
    var name: String
    var attr: String
    var doc: String
  }

  private func headers(_ list: [HTTPHeader]) -> [Header] {
    var seen: Set<String> = []
    var out: [Header] = []
    for h in list where !h.name.isEmpty {
      let attr = PyNames.headerAttribute(h.name)
      guard seen.insert(attr).inserted else { continue }
      var doc = h.name
      if !h.description.isEmpty { doc += ": " + h.description }
      if h.deprecated { doc += " (deprecated)" }
      out.append(Header(name: h.name, attr: attr, doc: doc))
    }
    return out
  }

  func render(_ s: HTTPService, _ p: inout CodePrinter) {
    let client = "\(s.name)Client"
    let serviceHeaders = headers(s.headers)
    let callHeaders = headers(s.headers + s.methods.flatMap(\.methodHeaders))
    p.line("@dataclasses.dataclass")
    p.line("class \(client)Options:")
    p.indented { p in
      p.line("\"\"\"Construct-time options for \(client).\"\"\"")
      p.blank()
      p.line("transport: Optional[HttpTransport] = None")
      p.line("default_headers: Optional[Mapping[str, str]] = None")
      p.line("timeout: Optional[float] = None")
      p.line("content_type: str = \"application/json\"")
      for h in serviceHeaders {
        p.line("\(h.attr): Optional[str] = None")
        PyNames.docstring(h.doc, &p)
      }
    }
    p.blank()
    p.blank()
    p.line("@dataclasses.dataclass")
    p.line("class \(s.name)CallOptions:")
    p.indented { p in
      p.line("\"\"\"Per-call options for \(client) methods.\"\"\"")
      p.blank()
      p.line("headers: Optional[Mapping[str, str]] = None")
      p.line("timeout: Optional[float] = None")
      p.line("content_type: Optional[str] = None")
      for h in callHeaders {
        p.line("\(h.attr): Optional[str] = None")
        PyNames.docstring(h.doc, &p)
      }
    }
    p.blank()
    p.blank()
    p.line("class \(client):")
    p.indented { p in
      let doc = schema.comment(file: s.file, path: s.path) ?? "Generated client for \(s.fullName)."
      PyNames.docstring(doc, &p)
      p.blank()
      p.line("def __init__(self, base_url: str, options: Optional[\(client)Options] = None) -> None:")
      p.indented { p in
        p.line("opts = options or \(client)Options()")
        p.line("_check_content_type(opts.content_type)")
        p.line("self._base_url = base_url.rstrip(\"/\")")
        p.line("self._transport: HttpTransport = opts.transport or UrllibTransport()")
        p.line("self._default_headers: dict[str, str] = dict(opts.default_headers or {})")
        for h in serviceHeaders {
          p.line("if opts.\(h.attr) is not None:")
          p.indented { p in p.line("self._default_headers[\(PyNames.literal(h.name))] = opts.\(h.attr)") }
        }
        p.line("self._timeout = opts.timeout")
      }
      for r in s.methods {
        p.blank()
        method(TSRoute(r, service: s, schema: schema), service: s, &p)
      }
      p.blank()
      p.line("def _headers(self, opts: \(s.name)CallOptions, accept: str, has_body: bool) -> dict[str, str]:")
      p.indented { p in
        p.line("if opts.content_type is not None:")
        p.indented { p in p.line("_check_content_type(opts.content_type)") }
        p.line("headers: dict[str, str] = {\"Accept\": accept}")
        p.line("if has_body:")
        p.indented { p in p.line("headers[\"Content-Type\"] = \"application/json\"") }
        p.line("headers.update(self._default_headers)")
        p.line("if opts.headers:")
        p.indented { p in p.line("headers.update(opts.headers)") }
        for h in callHeaders {
          p.line("if opts.\(h.attr) is not None:")
          p.indented { p in p.line("headers[\(PyNames.literal(h.name))] = opts.\(h.attr)") }
        }
        p.line("return headers")
      }
      p.blank()
      p.line("def _timeout_for(self, opts: \(s.name)CallOptions) -> Optional[float]:")
      p.indented { p in p.line("return opts.timeout if opts.timeout is not None else self._timeout") }
    }
  }

  private func method(_ r: TSRoute, service s: HTTPService, _ p: inout CodePrinter) {
    let input = codecs.message(r.route.inputType)
    let output = codecs.message(r.route.outputType)
    let name = PyNames.snake(r.route.name)
    let returns = r.route.stream ? "EventStream[\(output.type)]" : output.type
    p.line("def \(name)(self, req: \(input.type), options: Optional[\(s.name)CallOptions] = None) -> \(returns):")
    p.indented { p in
      var doc = schema.comment(file: s.file, path: r.route.path) ?? "Calls \(s.fullName).\(r.route.name)."
      if r.route.stream {
        doc +=
          "\n\nA Server-Sent Events stream: iterate it; break, close() or leaving a `with` block closes the connection."
      }
      PyNames.docstring(doc, &p)
      p.line("opts = options or \(s.name)CallOptions()")
      p.line("path = \(PyNames.literal(r.path))")
      let inputMessage = schema.message(r.route.inputType)
      for b in r.pathBindings {
        guard let f = inputMessage?.descriptor.field.first(where: { $0.name == b.protoName }) else { continue }
        p.line(
          "path = path.replace(\(PyNames.literal("{\(b.param)}")), _path_value(\(text(b, f, "req.\(PyNames.attribute(f.name))"))))"
        )
      }
      p.line("query: list[tuple[str, str]] = []")
      for b in r.queryBindings {
        guard let f = inputMessage?.descriptor.field.first(where: { $0.name == b.protoName }) else { continue }
        query(b, f, &p)
      }
      let hasBody = r.route.verb.hasBody
      p.line("body = \(hasBody ? "json.dumps(\(input.encode("req"))).encode(\"utf-8\")" : "None")")
      let accept = r.route.stream ? "text/event-stream" : "application/json"
      p.line("headers = self._headers(opts, \(PyNames.literal(accept)), \(hasBody ? "True" : "False"))")
      p.line("url = _url(self._base_url, path, query)")
      let verb = PyNames.literal(r.route.verb.rawValue)
      if r.route.stream {
        p.line("return _open_event_stream(")
        p.indented { p in
          p.line("self._transport, \(verb), url, headers, body, self._timeout_for(opts),")
          p.line("lambda value: \(output.decode("value")), _ERROR_CLASSES)")
        }
      } else {
        p.line(
          "resp = self._transport.request(method=\(verb), url=url, headers=headers, body=body, timeout=self._timeout_for(opts))"
        )
        p.line("if resp.status >= 400:")
        p.indented { p in p.line("_raise_for_status(resp, _ERROR_CLASSES)") }
        p.line("return \(output.decode("json.loads(resp.body) if resp.body else None"))")
      }
    }
  }

  /// The URL text of one value of a bound field: the same strings the TS client sends.
  private func text(_ b: URLBinding, _ f: FieldProto, _ value: String) -> String {
    switch b.kind {
    case .string: return f.type == .string ? value : "str(\(value))"
    case .int64String: return value
    case .number: return "_float_text(\(value))"
    case .integer: return "str(\(value))"
    case .bool: return "_bool_text(\(value))"
    case .enumNumber: return "str(int(\(value)))"
    case .enumString:
      return "_enum_out(\(codecs.names.name(f.typeName))_JSON_VALUES, \(value))"
    }
  }

  private func query(_ b: URLBinding, _ f: FieldProto, _ p: inout CodePrinter) {
    let value = "req.\(PyNames.attribute(f.name))"
    let name = PyNames.literal(b.param)
    if b.repeated {
      // One loop variable per field: mypy types a name once per function.
      let item = "item_\(f.name)"
      p.line("for \(item) in \(value):")
      p.indented { p in p.line("query.append((\(name), \(text(b, f, item))))") }
      return
    }
    let condition: String?
    if b.optional {
      condition = "\(value) is not None"
    } else if b.required {
      condition = nil
    } else {
      switch b.kind {
      case .string: condition = f.type == .string ? "\(value) != \"\"" : "\(value)"
      case .int64String: condition = "\(value) not in (\"\", \"0\")"
      case .bool: condition = value
      default: condition = "\(value) != 0"
      }
    }
    if let condition {
      p.line("if \(condition):")
      p.indented { p in p.line("query.append((\(name), \(text(b, f, value))))") }
    } else {
      p.line("query.append((\(name), \(text(b, f, value))))")
    }
  }
}
