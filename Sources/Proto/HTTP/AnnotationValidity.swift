import SwiftProtobuf

// Where sebuf's JSON-mapping annotations may be written: the one decision procedure that
// `sebuf lint` (the HTTP_*_VALID rules) and every backend (go-http, go-client, ts-client,
// ts-server, openapiv3) ask. Each caller words the violations its own way; none decides
// validity itself.
//
// A value equal to the option's default ("not set") is accepted on any field: an explicit
// `*_UNSPECIFIED` encoding/format/behaviour, `flatten = false`, `nullable = false`,
// `unwrap = false` and an empty `flatten_prefix` all mean the option is absent, as they
// do upstream (proto3 defaults are indistinguishable from absence there).

/// One misplaced sebuf annotation.
public struct AnnotationViolation: Sendable, Hashable {
  public enum Problem: Sendable, Hashable {
    /// `unwrap` on a singular field.
    case unwrapNotRepeated
    /// `unwrap` on a second field; the payload is the field that already has it.
    case unwrapAlreadyOn(String)
    /// `unwrap` on a map field of a message with other fields.
    case unwrapMapNotAlone
    case int64EncodingNot64Bit
    case enumEncodingNotEnum
    /// `enum_encoding = NUMBER` on an enum whose values carry `enum_value` names; the
    /// payload is the enum's simple name.
    case enumEncodingNumberWithEnumValues(enumName: String)
    case nullableOnMessage
    case nullableNotOptional
    case emptyBehaviorOnMap
    case emptyBehaviorOnRepeated
    case emptyBehaviorNotMessage
    case timestampFormatNotTimestamp
    case bytesEncodingNotBytes
    case flattenPrefixWithoutFlatten(prefix: String)
    case flattenOnMap
    case flattenOnRepeated
    case flattenNotMessage
    case flattenOnOneofVariant
    /// A oneof discriminator equal to a field's name or JSON name (flattened children
    /// included, as `parent.child`).
    case discriminatorCollides(field: String, json: String)
    /// A variant of a `flatten = true` oneof that is not a message; the payload is the
    /// variant's index in the message's fields.
    case flattenedVariantNotMessage(variant: Int)
  }

  public var problem: Problem
  /// The option at fault (a ``SebufExtension`` number).
  public var option: Int32
  /// SourceCodeInfo path of the annotated field or oneof.
  public var element: [Int32]
  /// SourceCodeInfo path of the option itself (field options are tag 8, oneof options tag 2).
  public var optionPath: [Int32]

  init(_ problem: Problem, option: Int32, element: [Int32], optionsTag: Int32) {
    self.problem = problem
    self.option = option
    self.element = element
    optionPath = element + [optionsTag, option]
  }
}

/// The field annotations whose placement ``AnnotationValidity`` checks.
public enum SebufFieldOption: Sendable, Hashable, CaseIterable {
  case unwrap, int64Encoding, enumEncoding, nullable, emptyBehavior, timestampFormat, bytesEncoding
  /// `flatten` together with `flatten_prefix`.
  case flatten
}

/// The annotation-validity table, over whatever resolves type names (a ``DescriptorIndex``
/// or a caller's own symbol table).
public struct AnnotationValidity: Sendable {
  /// Full name (leading dot optional) → message.
  let message: @Sendable (String) -> Google_Protobuf_DescriptorProto?
  /// Full name (leading dot optional) → enum.
  let enumType: @Sendable (String) -> Google_Protobuf_EnumDescriptorProto?
  /// (file, field path) → the field's semantics, when the caller has a ``DescriptorIndex``;
  /// without it `proto3_optional` alone marks an optional field.
  let semantics: (@Sendable (String, [Int32]) -> FieldSemantics)?

  public init(
    message: @escaping @Sendable (String) -> Google_Protobuf_DescriptorProto?,
    enumType: @escaping @Sendable (String) -> Google_Protobuf_EnumDescriptorProto?
  ) {
    self.message = message
    self.enumType = enumType
    semantics = nil
  }

  public init(_ index: DescriptorIndex) {
    let names = index.names
    message = { names.message($0)?.descriptor }
    enumType = { names.enumType($0)?.descriptor }
    semantics = { index.fieldSemantics(file: $0, path: $1) }
  }

  public init(_ names: NameTable) {
    self.init(message: { names.message($0)?.descriptor }, enumType: { names.enumType($0)?.descriptor })
  }

  /// Every violation in `message` (declared at `path`): its fields in order, each field's
  /// options in ``SebufFieldOption`` order, then its oneofs. `file` (the message's file) lets
  /// presence come from resolved features.
  public func violations(in message: Google_Protobuf_DescriptorProto, path: [Int32], file: String? = nil)
    -> [AnnotationViolation]
  {
    var out: [AnnotationViolation] = []
    for (i, f) in message.field.enumerated() where f.hasOptions {
      for option in SebufFieldOption.allCases {
        if let v = check(option, field: f, path: path + [2, Int32(i)], index: i, in: message, file: file) {
          out.append(v)
        }
      }
    }
    for i in message.oneofDecl.indices { out += violations(oneof: i, in: message, path: path) }
    return out
  }

  /// The violation of `option` on `field` (declared at `path`), if any. `index` and
  /// `message` locate a regular field in its message (needed for `unwrap`, which is only
  /// checked there); pass nil for extensions. `file` is the field's file, for its presence.
  public func check(
    _ option: SebufFieldOption, field f: Google_Protobuf_FieldDescriptorProto, path: [Int32],
    index: Int?, in message: Google_Protobuf_DescriptorProto?, file: String? = nil
  ) -> AnnotationViolation? {
    guard f.hasOptions else { return nil }
    let a = f.sebuf
    func fail(_ p: AnnotationViolation.Problem, _ number: Int32) -> AnnotationViolation {
      AnnotationViolation(p, option: number, element: path, optionsTag: 8)
    }
    switch option {
    case .unwrap:
      guard a.unwrap, let index, let message else { return nil }
      if f.label != .repeated { return fail(.unwrapNotRepeated, SebufExtension.unwrap) }
      if let first = message.field[..<index].first(where: { $0.sebuf.unwrap }) {
        return fail(.unwrapAlreadyOn(first.name), SebufExtension.unwrap)
      }
      if isMap(f), message.field.count != 1 { return fail(.unwrapMapNotAlone, SebufExtension.unwrap) }
      return nil
    case .int64Encoding:
      guard let e = a.int64Encoding, e != .unspecified, !Self.int64Types.contains(f.type) else { return nil }
      return fail(.int64EncodingNot64Bit, SebufExtension.int64Encoding)
    case .enumEncoding:
      guard let e = a.enumEncoding, e != .unspecified else { return nil }
      guard f.type == .enum else { return fail(.enumEncodingNotEnum, SebufExtension.enumEncoding) }
      if e == .number, let en = enumType(f.typeName), en.value.contains(where: { $0.sebufEnumValue != nil }) {
        return fail(.enumEncodingNumberWithEnumValues(enumName: en.name), SebufExtension.enumEncoding)
      }
      return nil
    case .nullable:
      guard a.nullable == true else { return nil }
      if Self.isMessage(f) { return fail(.nullableOnMessage, SebufExtension.nullable) }
      // An optional scalar: proto3 or proto2 `optional`, or editions EXPLICIT presence.
      let optional = file.flatMap { name in semantics?(name, path).hasOptionalKeyword } ?? f.proto3Optional
      if !optional { return fail(.nullableNotOptional, SebufExtension.nullable) }
      return nil
    case .emptyBehavior:
      guard let b = a.emptyBehavior, b != .unspecified else { return nil }
      if isMap(f) { return fail(.emptyBehaviorOnMap, SebufExtension.emptyBehavior) }
      if f.label == .repeated { return fail(.emptyBehaviorOnRepeated, SebufExtension.emptyBehavior) }
      if !Self.isMessage(f) { return fail(.emptyBehaviorNotMessage, SebufExtension.emptyBehavior) }
      return nil
    case .timestampFormat:
      guard let t = a.timestampFormat, t != .unspecified, !Self.isTimestamp(f) else { return nil }
      return fail(.timestampFormatNotTimestamp, SebufExtension.timestampFormat)
    case .bytesEncoding:
      guard let b = a.bytesEncoding, b != .unspecified, f.type != .bytes else { return nil }
      return fail(.bytesEncodingNotBytes, SebufExtension.bytesEncoding)
    case .flatten:
      guard a.flatten == true else {
        guard let p = a.flattenPrefix, !p.isEmpty else { return nil }
        return fail(.flattenPrefixWithoutFlatten(prefix: p), SebufExtension.flattenPrefix)
      }
      if isMap(f) { return fail(.flattenOnMap, SebufExtension.flatten) }
      if f.label == .repeated { return fail(.flattenOnRepeated, SebufExtension.flatten) }
      if !Self.isMessage(f) { return fail(.flattenNotMessage, SebufExtension.flatten) }
      if f.hasOneofIndex && !f.proto3Optional { return fail(.flattenOnOneofVariant, SebufExtension.flatten) }
      return nil
    }
  }

  /// Violations of `(sebuf.http.oneof_config)` on oneof `index` of `message` (declared at
  /// `path`): the discriminator collision first, then each non-message variant of a
  /// flattened oneof. A config with an empty discriminator is ignored, as upstream.
  public func violations(oneof index: Int, in message: Google_Protobuf_DescriptorProto, path: [Int32])
    -> [AnnotationViolation]
  {
    let o = message.oneofDecl[index]
    guard let config = o.sebufOneofConfig, !config.discriminator.isEmpty else { return [] }
    let element = path + [8, Int32(index)]
    func fail(_ p: AnnotationViolation.Problem) -> AnnotationViolation {
      AnnotationViolation(p, option: SebufExtension.oneofConfig, element: element, optionsTag: 2)
    }
    var out: [AnnotationViolation] = []
    if let clash = collision(config.discriminator, in: message) {
      out.append(fail(.discriminatorCollides(field: clash.field, json: clash.json)))
    }
    if config.flatten {
      for (i, v) in message.field.enumerated()
      where v.hasOneofIndex && v.oneofIndex == Int32(index) && !v.proto3Optional && !Self.isMessage(v) {
        out.append(fail(.flattenedVariantNotMessage(variant: i)))
      }
    }
    return out
  }

  /// The first field of `message` whose name or JSON name is `name`, else the first
  /// child of a flattened field whose prefixed JSON name is `name`.
  private func collision(_ name: String, in message: Google_Protobuf_DescriptorProto) -> (field: String, json: String)?
  {
    for f in message.field {
      let json = f.jsonName.isEmpty ? f.name : f.jsonName
      if json == name || f.name == name { return (f.name, json) }
    }
    for f in message.field where f.hasOptions && f.sebuf.flatten == true && Self.isMessage(f) && !isMap(f) {
      guard let child = self.message(f.typeName) else { continue }
      let prefix = f.sebuf.flattenPrefix ?? ""
      for c in child.field where prefix + (c.jsonName.isEmpty ? c.name : c.jsonName) == name {
        return ("\(f.name).\(c.name)", name)
      }
    }
    return nil
  }

  /// Whether `f` is a map (a repeated field of a synthetic map-entry message).
  public func isMap(_ f: Google_Protobuf_FieldDescriptorProto) -> Bool {
    guard f.label == .repeated, f.type == .message else { return false }
    return message(f.typeName)?.options.mapEntry ?? false
  }

  public static func isMessage(_ f: Google_Protobuf_FieldDescriptorProto) -> Bool {
    f.type == .message || f.type == .group
  }

  static func isTimestamp(_ f: Google_Protobuf_FieldDescriptorProto) -> Bool {
    isMessage(f) && (f.typeName == ".google.protobuf.Timestamp" || f.typeName == "google.protobuf.Timestamp")
  }

  /// The field types `int64_encoding` applies to.
  public static let int64Types: Set<Google_Protobuf_FieldDescriptorProto.TypeEnum> = [
    .int64, .uint64, .sint64, .fixed64, .sfixed64,
  ]
}

/// One unusable binding of a route's request fields to its URL (`(sebuf.http.config)`
/// path variables and `(sebuf.http.query)` parameters).
public struct RouteViolation: Sendable, Hashable {
  public enum Problem: Sendable, Hashable {
    /// A path variable with no request field of that name.
    case pathVariableUndefined(String)
    /// A path variable bound to a message, map or repeated field (its index in the request).
    case pathVariableNotScalar(String, field: Int)
    /// A field that is both a path variable and a query parameter.
    case pathAndQuery(QueryParam, field: Int)
    /// A query parameter bound to a message or map field.
    case queryNotScalar(QueryParam, field: Int)
    /// GET/DELETE request fields bound to neither the path nor the query, in field order.
    case unboundFields([String])
  }

  public var problem: Problem
}

extension AnnotationValidity {
  /// Every violation of `route`: its path variables in path order, then its query
  /// parameters in field order (a parameter that is also a path variable reports both
  /// problems), then a GET/DELETE request's unbound fields. None when the request type
  /// is not in the image.
  public func violations(route: HTTPRoute) -> [RouteViolation] {
    guard let input = message(route.inputType) else { return [] }
    let fields = input.field
    var out: [RouteViolation] = []
    for p in route.pathParams {
      guard let i = fields.firstIndex(where: { $0.name == p }) else {
        out.append(RouteViolation(problem: .pathVariableUndefined(p)))
        continue
      }
      if Self.isMessage(fields[i]) || fields[i].label == .repeated {
        out.append(RouteViolation(problem: .pathVariableNotScalar(p, field: i)))
      }
    }
    for q in route.queryParams {
      guard let i = fields.firstIndex(where: { $0.number == q.fieldNumber }) else { continue }
      if route.pathParams.contains(q.fieldName) { out.append(RouteViolation(problem: .pathAndQuery(q, field: i))) }
      if !Self.isQueryValue(fields[i]) { out.append(RouteViolation(problem: .queryNotScalar(q, field: i))) }
    }
    if !route.verb.hasBody {
      let bound = Set(route.pathParams).union(route.queryParams.map(\.fieldName))
      let unbound = fields.map(\.name).filter { !bound.contains($0) }
      if !unbound.isEmpty { out.append(RouteViolation(problem: .unboundFields(unbound))) }
    }
    return out
  }

  /// Whether a field can carry `(sebuf.http.query)`: a scalar or enum, singular or
  /// repeated (upstream #218); not a message, map or well-known message type.
  public static func isQueryValue(_ f: Google_Protobuf_FieldDescriptorProto) -> Bool { !isMessage(f) }
}
