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
  /// Accept enum_encoding=NUMBER on an enum whose values carry enum_value (the TS backends
  /// type such a field `number`, as upstream generates it).
  var allowNumberEncodingOfNamedEnums = false

  func check(services: [HTTPService], reachable: Reachability) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for service in services {
      for route in service.methods { out += check(route: route, service: service) }
    }
    for message in reachable.messages { out += check(message: message) }
    return out
  }

  /// The shared ``AnnotationValidity`` verdicts on `route`, in this backend's wording: path
  /// problems at the method, query problems at the field.
  func check(route: HTTPRoute, service: HTTPService) -> [Diagnostic] {
    guard let input = schema.message(route.inputType) else { return [] }
    let at = schema.span(file: service.file, path: route.path)
    let method = "\(service.name).\(route.name)"
    func fieldSpan(_ i: Int) -> Span { schema.span(file: input.file, path: input.path + [2, Int32(i)]) }
    var out: [Diagnostic] = []
    for v in AnnotationValidity(schema.index).violations(route: route) {
      switch v.problem {
      case .pathVariableUndefined(let p):
        out.append(
          .error(
            "\(method): path variable '{\(p)}' in '\(route.methodPath)' has no matching field in message '\(input.descriptor.name)'; add a field named '\(p)' or fix the path variable",
            at: at))
      case .pathVariableNotScalar(let p, _):
        out.append(
          .error(
            "\(method): path variable '{\(p)}' is bound to field '\(p)' which is not a scalar; path parameters must be string, number, bool or enum fields",
            at: at))
      case .queryNotScalar(let q, let i):
        out.append(
          .error(
            "\(method): query parameter '\(q.name)' is bound to field '\(q.fieldName)' which is a message or map; query parameters must be scalar, enum or repeated scalar fields",
            at: fieldSpan(i)))
      case .pathAndQuery(let q, let i):
        out.append(
          .error(
            "\(method): field '\(q.fieldName)' is used both as a path variable and as a query parameter; remove one of them",
            at: fieldSpan(i)))
      case .unboundFields(let loose):
        // ts-server only: the server builds those requests from the URL alone.
        guard requireURLCoverage else { continue }
        out.append(
          .error(
            "\(method): fields [\(loose.joined(separator: " "))] of '\(input.descriptor.name)' are not reachable via path or query parameters for \(route.verb.rawValue) \(Naming.routePath(route, service: service)); annotate them with (sebuf.http.query) or include them as path variables",
            at: at))
      }
    }
    return out
  }

  /// The shared ``AnnotationValidity`` verdicts on `message`, in this backend's wording,
  /// at the annotated field (or, for a oneof's discriminator, the oneof).
  func check(message: MessageEntry) -> [Diagnostic] {
    let d = message.descriptor
    let violations = AnnotationValidity(schema.index).violations(in: d, path: message.path, file: message.file)
      .filter { v in
        guard case .enumEncodingNumberWithEnumValues = v.problem else { return true }
        return !allowNumberEncodingOfNamedEnums
      }
    return violations.map { v in
      let i = Int(v.element.last ?? 0)
      let isOneof = v.element.count >= 2 && v.element[v.element.count - 2] == 8
      var at = v.element
      let text: String
      switch v.problem {
      case .unwrapNotRepeated: text = "unwrap can only be used on repeated or map fields"
      case .unwrapAlreadyOn: text = "only one field per message can have the unwrap annotation"
      case .unwrapMapNotAlone: text = "a map field with unwrap requires the message to have exactly one field"
      case .nullableNotOptional: text = "nullable is only valid on proto3 optional fields; declare the field 'optional'"
      case .nullableOnMessage: text = "nullable is only valid on primitive fields, not message fields"
      case .emptyBehaviorOnMap, .emptyBehaviorOnRepeated: text = "empty_behavior is not valid on repeated or map fields"
      case .emptyBehaviorNotMessage: text = "empty_behavior is only valid on message fields"
      case .timestampFormatNotTimestamp: text = "timestamp_format is only valid on google.protobuf.Timestamp fields"
      case .bytesEncodingNotBytes: text = "bytes_encoding is only valid on bytes fields"
      case .int64EncodingNot64Bit: text = "int64_encoding is only valid on 64-bit integer fields"
      case .enumEncodingNotEnum: text = "enum_encoding is only valid on enum fields"
      case .enumEncodingNumberWithEnumValues:
        text = "enum_encoding=NUMBER cannot be combined with an enum whose values carry enum_value; remove one of them"
      case .flattenPrefixWithoutFlatten(let prefix): text = "flatten_prefix=\"\(prefix)\" is set without flatten=true"
      case .flattenOnMap, .flattenOnRepeated: text = "flatten is not valid on repeated or map fields"
      case .flattenOnOneofVariant:
        text = "flatten is not valid on oneof variant fields (use oneof_config.flatten instead)"
      case .flattenNotMessage: text = "flatten is only valid on message fields"
      case .discriminatorCollides(let field, let json):
        let discriminator = d.oneofDecl[i].sebufOneofConfig?.discriminator ?? ""
        text =
          "discriminator '\(discriminator)' collides with field '\(field)' (JSON: '\(json)'); pick another discriminator name"
      case .flattenedVariantNotMessage(let variant):
        text = "with oneof_config.flatten=true every variant must be a message; '\(d.field[variant].name)' is not"
        at = message.path + [2, Int32(variant)]
      }
      let subject = isOneof ? d.oneofDecl[i].name : d.field[i].name
      return .error(
        "invalid annotation on \(d.name).\(subject): \(text)", at: schema.span(file: message.file, path: at))
    }
  }
}
