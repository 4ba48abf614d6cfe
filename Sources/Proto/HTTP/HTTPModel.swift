import SwiftProtobuf

/// The HTTP view of an Image: services, routes and their bindings, decoded once from
/// sebuf's annotations. Backends, lint and breaking all read this model; none of them
/// decodes options themselves.
public struct HTTPAPI: Sendable {
  public var services: [HTTPService]

  public init(services: [HTTPService]) { self.services = services }

  /// Decodes every service of `files` (import paths; default: the image's targets), in
  /// image order then declaration order.
  public static func decode(_ image: Image, files: [String]? = nil) -> HTTPAPI {
    decode(DescriptorIndex(image), files: files)
  }

  /// Same, reusing an index the caller already built.
  public static func decode(_ index: DescriptorIndex, files: [String]? = nil) -> HTTPAPI {
    let wanted = files.map(Set.init)
    var services: [HTTPService] = []
    for f in index.image.files {
      if let wanted { guard wanted.contains(f.name) else { continue } } else if f.isImport { continue }
      let d = f.descriptor
      let prefix = d.package.isEmpty ? "" : d.package + "."
      for (si, s) in d.service.enumerated() {
        services.append(
          HTTPService(
            s, fullName: prefix + s.name, file: d.name, package: d.package,
            path: [6, Int32(si)], index: index))
      }
    }
    return HTTPAPI(services: services)
  }

  /// Every route of every service, in order.
  public var routes: [HTTPRoute] { services.flatMap(\.methods) }
}

/// One service and its routes.
public struct HTTPService: Sendable {
  public var name: String
  public var fullName: String
  /// Import path of the declaring file.
  public var file: String
  public var package: String
  /// `(sebuf.http.service_config).base_path`; nil when there is no service_config.
  public var basePath: String?
  /// `(sebuf.http.service_headers).required_headers`, as written.
  public var headers: [HTTPHeader]
  public var methods: [HTTPRoute]
  /// SourceCodeInfo path `[6, i]`.
  public var path: [Int32]

  init(
    _ s: Google_Protobuf_ServiceDescriptorProto, fullName: String, file: String, package: String,
    path: [Int32], index: DescriptorIndex
  ) {
    name = s.name
    self.fullName = fullName
    self.file = file
    self.package = package
    basePath = s.sebufBasePath
    headers = s.sebufServiceHeaders
    self.path = path
    let serviceHeaders = headers
    let base = basePath
    methods = s.method.enumerated().map { mi, m in
      HTTPRoute(
        m, service: fullName, basePath: base, serviceHeaders: serviceHeaders,
        path: path + [2, Int32(mi)], index: index)
    }
  }
}

/// One RPC method as an HTTP route.
public struct HTTPRoute: Sendable {
  public var name: String
  /// Full name of the service.
  public var service: String
  /// Request message full name, no leading dot.
  public var inputType: String
  /// Response (or SSE event) message full name, no leading dot.
  public var outputType: String
  /// Whether `(sebuf.http.config)` is present.
  public var hasConfig: Bool
  /// POST when unset or unspecified.
  public var verb: HTTPVerb
  /// `config.path` as written; empty without one.
  public var methodPath: String
  /// `BuildHTTPPath(basePath, methodPath)`. Meaningful when `hasConfig`; each backend
  /// applies its own default route otherwise (upstream's generators disagree there).
  public var fullPath: String
  /// `{name}` variables of `methodPath`, in order.
  public var pathParams: [String]
  /// Request fields with `(sebuf.http.query)`, in field order.
  public var queryParams: [QueryParam]
  /// `(sebuf.http.method_headers).required_headers`, as written.
  public var methodHeaders: [HTTPHeader]
  /// Service and method headers merged: method wins on a name, sorted, empty names dropped.
  public var headers: [HTTPHeader]
  /// Server-Sent Events: the output message is the type of each event.
  public var stream: Bool
  public var clientStreaming: Bool
  public var serverStreaming: Bool
  /// SourceCodeInfo path `[6, s, 2, m]`.
  public var path: [Int32]

  init(
    _ m: Google_Protobuf_MethodDescriptorProto, service: String, basePath: String?,
    serviceHeaders: [HTTPHeader], path: [Int32], index: DescriptorIndex
  ) {
    name = m.name
    self.service = service
    inputType = m.inputType.hasPrefix(".") ? String(m.inputType.dropFirst()) : m.inputType
    outputType = m.outputType.hasPrefix(".") ? String(m.outputType.dropFirst()) : m.outputType
    let config = m.sebufHTTPConfig
    hasConfig = config != nil
    verb = config?.verb ?? .post
    methodPath = config?.path ?? ""
    fullPath = HTTPRoute.join(basePath ?? "", methodPath)
    pathParams = HTTPRoute.pathVariables(methodPath)
    stream = config?.stream ?? false
    clientStreaming = m.clientStreaming
    serverStreaming = m.serverStreaming
    methodHeaders = m.sebufMethodHeaders
    headers = HTTPRoute.merge(service: serviceHeaders, method: methodHeaders)
    self.path = path
    var params: [QueryParam] = []
    if let input = index.message(inputType) {
      for f in input.descriptor.field {
        if let q = f.sebuf.query {
          params.append(
            QueryParam(
              name: q.name.isEmpty ? f.name : q.name, fieldName: f.name,
              fieldNumber: f.number, required: q.required))
        }
      }
    }
    queryParams = params
  }

  /// upstream's BuildHTTPPath: both empty → `/`; one empty → the other with a leading `/`;
  /// else base (leading `/` ensured, one trailing `/` removed) + `/` + method (one leading `/` removed).
  public static func join(_ base: String, _ method: String) -> String {
    func leading(_ s: String) -> String { s.hasPrefix("/") ? s : "/" + s }
    if base.isEmpty && method.isEmpty { return "/" }
    if base.isEmpty { return leading(method) }
    if method.isEmpty { return leading(base) }
    var b = leading(base)
    if b.hasSuffix("/") { b.removeLast() }
    var m = method
    if m.hasPrefix("/") { m.removeFirst() }
    return b + "/" + m
  }

  /// The `{name}` variables of a path, in order (upstream's `\{([^}]+)\}`).
  public static func pathVariables(_ path: String) -> [String] {
    var out: [String] = []
    var current: String?
    for c in path {
      if c == "{" {
        current = ""
      } else if c == "}" {
        if let v = current, !v.isEmpty { out.append(v) }
        current = nil
      } else if current != nil {
        current?.append(c)
      }
    }
    return out
  }

  static func merge(service: [HTTPHeader], method: [HTTPHeader]) -> [HTTPHeader] {
    var byName: [String: HTTPHeader] = [:]
    for h in service where !h.name.isEmpty { byName[h.name] = h }
    for h in method where !h.name.isEmpty { byName[h.name] = h }
    return byName.values.sorted { $0.name < $1.name }
  }
}

/// A request field bound to a URL query parameter.
public struct QueryParam: Sendable, Hashable {
  /// The parameter name on the wire.
  public var name: String
  public var fieldName: String
  public var fieldNumber: Int32
  public var required: Bool
}
