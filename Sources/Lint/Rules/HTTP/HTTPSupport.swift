import Proto
import SwiftProtobuf

/// One route with where it was declared, as the HTTP rules see it.
public struct RouteElement: Sendable {
  public let route: HTTPRoute
  public let service: HTTPService
  /// Target file index.
  public let file: Int
}

/// A field carrying sebuf annotations, with its message.
public struct AnnotatedField: Sendable {
  public let field: FieldElement
  public let annotations: FieldAnnotations
}

extension LintContext {
  /// Every route of the target files, in declaration order.
  public var routes: [RouteElement] {
    http.services.flatMap { s in
      s.methods.compactMap { r in fileIndex[s.file].map { RouteElement(route: r, service: s, file: $0) } }
    }
  }

  /// The first of `candidates` that has a source location in `file`, else the last one.
  /// Lets rules point at an option when the compiler recorded it, else at its element.
  public func bestPath(file: Int, _ candidates: [[Int32]]) -> [Int32] {
    let locations = files[file].locations
    for c in candidates where locations.location(c) != nil { return c }
    return candidates.last ?? []
  }

  /// The span path of a field's sebuf option `number`, or the field itself.
  public func fieldOptionPath(_ f: FieldElement, _ number: Int32) -> [Int32] {
    bestPath(file: f.file, [f.path + [8, number], f.path])
  }

  /// The span path of a method's `(sebuf.http.config)`, or the method itself.
  public func configPath(_ r: RouteElement) -> [Int32] {
    bestPath(file: r.file, [r.route.path + [4, SebufExtension.config], r.route.path])
  }

  /// Whether a field is a map (its type is a synthetic map-entry message).
  public func isMap(_ f: Google_Protobuf_FieldDescriptorProto) -> Bool { annotationValidity.isMap(f) }

  /// Human name of a field's type for messages: `string`, `repeated int32`,
  /// `message acme.v1.Filter`, `map`.
  public func typeDescription(_ f: Google_Protobuf_FieldDescriptorProto) -> String {
    if isMap(f) { return "map" }
    let base: String
    switch f.type {
    case .message, .group: base = "message \(LintContext.trimDot(f.typeName))"
    case .enum: base = "enum \(LintContext.trimDot(f.typeName))"
    default: base = HTTPFieldKind.scalarName(f.type)
    }
    return f.label == .repeated ? "repeated \(base)" : base
  }
}

enum HTTPFieldKind {
  static func scalarName(_ t: Google_Protobuf_FieldDescriptorProto.TypeEnum) -> String {
    switch t {
    case .double: "double"
    case .float: "float"
    case .int64: "int64"
    case .uint64: "uint64"
    case .int32: "int32"
    case .fixed64: "fixed64"
    case .fixed32: "fixed32"
    case .bool: "bool"
    case .string: "string"
    case .bytes: "bytes"
    case .uint32: "uint32"
    case .sfixed32: "sfixed32"
    case .sfixed64: "sfixed64"
    case .sint32: "sint32"
    case .sint64: "sint64"
    case .enum: "enum"
    case .message: "message"
    case .group: "group"
    }
  }

  static func isMessage(_ f: Google_Protobuf_FieldDescriptorProto) -> Bool { AnnotationValidity.isMessage(f) }
}

/// A tiny proto prelude for HTTP rule examples.
enum HTTPExample {
  static func file(_ body: String) -> String {
    "syntax = \"proto3\";\npackage acme.v1;\nimport \"sebuf/http/annotations.proto\";\n" + body
  }
}
