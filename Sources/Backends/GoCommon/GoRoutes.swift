import Diagnostics
import Proto
import SwiftProtobuf

/// A request field bound to a path or query parameter, as the Go runtime tables need it.
public struct GoParam: Sendable {
  public var name: String
  public var field: String
  public var required: Bool
  /// `(sebuf.http.enum_value)` strings of the field's enum and their numbers (#219).
  public var enumValues: [(value: String, number: Int32)]
}

/// One method as the Go backends see it: Go names, types and bindings.
public struct GoRoute: Sendable {
  public var route: HTTPRoute
  public var goName: String
  public var request: GoTypeRef
  public var response: GoTypeRef
  public var path: String
  public var pathParams: [GoParam]
  public var queryParams: [GoParam]
}

/// Where a method without `(sebuf.http.config)` is routed: upstream's generators differ.
public enum GoDefaultRoute: Sendable {
  /// go-http: `/<goPackage>/<snake(method)>`, or `<base>/<snake(method)>`.
  case server(packageName: String)
  /// go-client: `/<lowerFirst(method)>`, or `<base>/<lowerFirst(method)>`.
  case client
}

extension GoRoute {
  /// Builds the Go view of `route`, or the generation errors that make it unusable.
  /// `strictBody` adds go-http's check that GET/DELETE requests bind every field.
  public static func make(
    _ route: HTTPRoute, service: HTTPService, layout: GoLayout, defaultRoute: GoDefaultRoute,
    strictBody: Bool
  ) throws -> GoRoute {
    let index = layout.index
    let span =
      index.span(file: service.file, path: route.path) ?? .file(index.file(service.file)?.displayPath ?? service.file)
    var problems: [Diagnostic] = []
    func fail(_ message: String) {
      problems.append(.error("\(service.name).\(route.name): \(message)", rule: "GENERATE", at: span))
    }
    let input = index.message(route.inputType)
    let fields = input?.descriptor.field ?? []
    func field(_ name: String) -> Google_Protobuf_FieldDescriptorProto? { fields.first { $0.name == name } }
    func enumValues(_ f: Google_Protobuf_FieldDescriptorProto) -> [(value: String, number: Int32)] {
      guard f.type == .enum, let e = index.enumType(f.typeName) else { return [] }
      return e.descriptor.value.compactMap { v in v.sebufEnumValue.map { ($0, v.number) } }
    }

    var path: String
    if route.hasConfig {
      path = route.fullPath
    } else {
      let leaf: String
      switch defaultRoute {
      case .server(let pkg): leaf = (service.basePath == nil ? pkg + "/" : "") + GoNamer.naiveSnake(route.name)
      case .client: leaf = GoNamer.lowerFirst(route.name)
      }
      path = HTTPRoute.join(service.basePath ?? "", leaf)
    }
    let method = route.methodPath
    for v in AnnotationValidity(index).violations(route: route) {
      switch v.problem {
      case .pathVariableUndefined(let p):
        fail(
          "path variable '{\(p)}' in path '\(method)' has no matching field in message '\(input?.descriptor.name ?? route.inputType)'. Add a field named '\(p)' to the request message, or fix the path variable name."
        )
      case .pathVariableNotScalar(let p, let i):
        let f = fields[i]
        fail(
          "path variable '{\(p)}' is bound to field '\(p)' of type '\(f.label == .repeated ? "repeated " : "")\(f.type.protoName)', but path parameters must be scalar types (string, int32, int64, uint32, uint64, bool, float, double, enum). Change the field type or remove it from the path."
        )
      case .pathAndQuery(let q, _):
        fail(
          "field '\(q.fieldName)' is used both as a path variable in '\(method)' and as a query parameter. Remove the (sebuf.http.query) annotation or the path variable."
        )
      case .queryNotScalar(let q, _):
        fail(
          "query parameter '\(q.name)' is bound to field '\(q.fieldName)' of message type; query parameters must be scalars or repeated scalars. Change the field type or remove (sebuf.http.query)."
        )
      case .unboundFields(let unbound):
        // go-http only: its server decodes GET/DELETE requests from the URL alone.
        guard strictBody else { continue }
        let verb = route.verb.rawValue
        fail(
          "\(verb) request has fields that are not bound to path or query parameters: [\(unbound.joined(separator: " "))]. \(verb) requests cannot have a request body. Either add [(sebuf.http.query)] annotations to these fields, include them in the path as variables, or change the HTTP method to POST/PUT/PATCH."
        )
      }
    }
    // Go-only: ServeMux matches a variable only as a whole path segment.
    for segment in method.split(separator: "/") where segment.contains("{") || segment.contains("}") {
      let inner = segment.dropFirst().dropLast()
      if !(segment.hasPrefix("{") && segment.hasSuffix("}") && !inner.contains("{") && !inner.contains("}")) {
        fail(
          "path segment '\(segment)' in '\(method)' mixes a variable with other text; Go's ServeMux only matches a variable as a whole segment, e.g. '/files/{name}'."
        )
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    let pathParams = route.pathParams.compactMap { p in
      field(p).map { GoParam(name: p, field: p, required: true, enumValues: enumValues($0)) }
    }
    let queryParams = route.queryParams.compactMap { q in
      field(q.fieldName).map {
        GoParam(name: q.name, field: q.fieldName, required: q.required, enumValues: enumValues($0))
      }
    }
    return GoRoute(
      route: route, goName: GoNamer.camelCase(route.name), request: try layout.messageType(route.inputType),
      response: try layout.messageType(route.outputType), path: path, pathParams: pathParams,
      queryParams: queryParams)
  }
}
