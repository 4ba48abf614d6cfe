// Generation-time checks of sebuf annotation use (reference §5) for the OpenAPI and TypeScript
// backends. Every problem becomes a positioned Diagnostic; all problems are reported at once.

import Diagnostics
import Proto

/// Validates routes and the messages they reach; returns every problem found.
struct AnnotationChecks {
  let schema: ProtoSchema
  /// Report GET/DELETE request fields that no path or query parameter carries (ts-server:
  /// the server builds those requests from the URL only).
  var requireURLCoverage = false

  func check(services: [HTTPService], reachable: Reachability) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for service in services {
      for route in service.methods { out += check(route: route, service: service) }
    }
    for message in reachable.messages { out += check(message: message) }
    return out
  }

  func check(route: HTTPRoute, service: HTTPService) -> [Diagnostic] {
    guard let input = schema.message(route.inputType) else { return [] }
    let at = schema.span(file: service.file, path: route.path)
    let method = "\(service.name).\(route.name)"
    var out: [Diagnostic] = []
    let fields = Dictionary(input.descriptor.field.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    for p in route.pathParams {
      guard let f = fields[p] else {
        out.append(.error(
          "\(method): path variable '{\(p)}' in '\(route.methodPath)' has no matching field in message '\(input.descriptor.name)'; add a field named '\(p)' or fix the path variable",
          at: at))
        continue
      }
      if f.label == .repeated || !schema.isURLScalar(f) {
        out.append(.error(
          "\(method): path variable '{\(p)}' is bound to field '\(p)' which is not a scalar; path parameters must be string, number, bool or enum fields",
          at: at))
      }
    }
    for q in route.queryParams {
      guard let idx = input.descriptor.field.firstIndex(where: { $0.number == q.fieldNumber }) else { continue }
      let ref = FieldRef(message: input, index: idx)
      let f = ref.proto
      if !schema.isURLScalar(f) || schema.isMap(f) {
        out.append(.error(
          "\(method): query parameter '\(q.name)' is bound to field '\(f.name)' which is a message or map; query parameters must be scalar, enum or repeated scalar fields",
          at: schema.span(file: input.file, path: ref.sourcePath)))
      }
      if route.pathParams.contains(f.name) {
        out.append(.error(
          "\(method): field '\(f.name)' is used both as a path variable and as a query parameter; remove one of them",
          at: schema.span(file: input.file, path: ref.sourcePath)))
      }
    }
    if requireURLCoverage, !route.verb.hasBody {
      let bound = Set(route.pathParams).union(route.queryParams.map(\.fieldName))
      let loose = input.descriptor.field.map(\.name).filter { !bound.contains($0) }
      if !loose.isEmpty {
        out.append(.error(
          "\(method): fields [\(loose.joined(separator: " "))] of '\(input.descriptor.name)' are not reachable via path or query parameters for \(route.verb.rawValue) \(Naming.routePath(route, service: service)); annotate them with (sebuf.http.query) or include them as path variables",
          at: at))
      }
    }
    return out
  }

  func check(message: MessageEntry) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let fields = schema.fields(of: message)
    let msgName = message.descriptor.name
    let unwraps = fields.filter { $0.proto.sebuf.unwrap }
    for ref in fields {
      let f = ref.proto
      let a = f.sebuf
      let at = schema.span(file: message.file, path: ref.sourcePath)
      func fail(_ text: String) { out.append(.error("invalid annotation on \(msgName).\(f.name): \(text)", at: at)) }
      let shape = schema.shape(f)
      let single: ValueShape? = { if case .single(let v) = shape { return v } else { return nil } }()
      if a.unwrap {
        if f.label != .repeated {
          fail("unwrap can only be used on repeated or map fields")
        } else if unwraps.count > 1 {
          fail("only one field per message can have the unwrap annotation")
        } else if schema.isMap(f), fields.count != 1 {
          fail("a map field with unwrap requires the message to have exactly one field")
        }
      }
      if a.nullable == true {
        if !f.proto3Optional {
          fail("nullable is only valid on proto3 optional fields; declare the field 'optional'")
        } else if case .message = single {
          fail("nullable is only valid on primitive fields, not message fields")
        }
      }
      if let e = a.emptyBehavior, e != .unspecified {
        if f.label == .repeated {
          fail("empty_behavior is not valid on repeated or map fields")
        } else if case .message = single {
        } else {
          fail("empty_behavior is only valid on message fields")
        }
      }
      if let t = a.timestampFormat, t != .unspecified {
        if case .wellKnown("google.protobuf.Timestamp")? = single {
        } else if case .list(.wellKnown("google.protobuf.Timestamp")) = shape {
        } else {
          fail("timestamp_format is only valid on google.protobuf.Timestamp fields")
        }
      }
      if let b = a.bytesEncoding, b != .unspecified, f.type != .bytes {
        fail("bytes_encoding is only valid on bytes fields")
      }
      if let i = a.int64Encoding, i != .unspecified, !ProtoSchema.is64Bit(f.type) {
        fail("int64_encoding is only valid on 64-bit integer fields")
      }
      if a.enumEncoding == .number, f.type == .enum, let e = schema.enumType(f.typeName),
        e.descriptor.value.contains(where: { $0.sebufEnumValue != nil })
      {
        fail("enum_encoding=NUMBER cannot be combined with an enum whose values carry enum_value; remove one of them")
      }
      if a.flattenPrefix != nil, a.flatten != true {
        fail("flatten_prefix=\"\(a.flattenPrefix ?? "")\" is set without flatten=true")
      }
      if a.flatten == true {
        if f.label == .repeated {
          fail("flatten is not valid on repeated or map fields")
        } else if ref.isRealOneofMember {
          fail("flatten is not valid on oneof variant fields (use oneof_config.flatten instead)")
        } else if case .message = single {
        } else {
          fail("flatten is only valid on message fields")
        }
      }
    }
    for (i, oneof) in message.descriptor.oneofDecl.enumerated() {
      guard let config = oneof.sebufOneofConfig, !config.discriminator.isEmpty, config.flatten else { continue }
      for ref in fields where ref.isRealOneofMember && ref.proto.oneofIndex == Int32(i) {
        if case .single(.message) = schema.shape(ref.proto) { continue }
        out.append(.error(
          "invalid annotation on \(msgName).\(oneof.name): with oneof_config.flatten=true every variant must be a message; '\(ref.proto.name)' is not",
          at: schema.span(file: message.file, path: ref.sourcePath)))
      }
    }
    return out
  }
}
