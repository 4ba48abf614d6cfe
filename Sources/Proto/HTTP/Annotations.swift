import Foundation
import SwiftProtobuf

// Decoding of the sebuf option extensions (annotations.proto, headers.proto) from the
// unknown fields of descriptor options. The field numbers are named here once
// (`SebufExtension`); code that points at an option's source location (lint, breaking)
// uses these names, and everything else reads the typed values below.

/// Field numbers of sebuf's extensions (reference: sebuf/http/annotations.proto and
/// headers.proto). The one place that spells them.
public enum SebufExtension {
  public static let config: Int32 = 50003
  public static let serviceConfig: Int32 = 50004
  public static let serviceHeaders: Int32 = 50005
  public static let methodHeaders: Int32 = 50006
  public static let fieldExamples: Int32 = 50007
  public static let query: Int32 = 50008
  public static let unwrap: Int32 = 50009
  public static let int64Encoding: Int32 = 50010
  public static let enumEncoding: Int32 = 50011
  public static let enumValue: Int32 = 50012
  public static let nullable: Int32 = 50013
  public static let emptyBehavior: Int32 = 50014
  public static let timestampFormat: Int32 = 50015
  public static let bytesEncoding: Int32 = 50016
  public static let oneofConfig: Int32 = 50017
  public static let oneofValue: Int32 = 50018
  public static let flatten: Int32 = 50019
  public static let flattenPrefix: Int32 = 50020
}

/// JSON encoding of 64-bit integer fields.
public enum Int64Encoding: Sendable, Hashable { case unspecified, string, number }
/// JSON encoding of enum fields.
public enum EnumEncoding: Sendable, Hashable { case unspecified, string, number }
/// JSON encoding of an empty message field.
public enum EmptyBehavior: Sendable, Hashable { case unspecified, preserve, null, omit }
/// JSON encoding of google.protobuf.Timestamp fields.
public enum TimestampFormat: Sendable, Hashable { case unspecified, rfc3339, unixSeconds, unixMillis, date }
/// JSON encoding of bytes fields.
public enum BytesEncoding: Sendable, Hashable { case unspecified, base64, base64Raw, base64URL, base64URLRaw, hex }

/// `(sebuf.http.query)` on a request field.
public struct QueryConfig: Sendable, Hashable {
  /// The parameter name as written; empty means "use the proto field name".
  public var name: String
  public var required: Bool
}

/// Every sebuf annotation a field can carry. Optional members are nil when not written.
public struct FieldAnnotations: Sendable, Hashable {
  public var examples: [String] = []
  public var query: QueryConfig?
  public var unwrap: Bool = false
  public var int64Encoding: Int64Encoding?
  public var enumEncoding: EnumEncoding?
  public var nullable: Bool?
  public var emptyBehavior: EmptyBehavior?
  public var timestampFormat: TimestampFormat?
  public var bytesEncoding: BytesEncoding?
  public var oneofValue: String?
  public var flatten: Bool?
  public var flattenPrefix: String?

  public init() {}

  /// Whether any annotation is present.
  public var isEmpty: Bool { self == FieldAnnotations() }
}

/// `(sebuf.http.oneof_config)` on a oneof.
public struct OneofAnnotations: Sendable, Hashable {
  /// Name of the discriminator property (the annotation is ignored upstream when empty).
  public var discriminator: String
  public var flatten: Bool
}

/// `(sebuf.http.config)` on a method.
public struct HTTPConfig: Sendable, Hashable {
  public var path: String
  /// nil when unspecified (which means POST).
  public var verb: HTTPVerb?
  public var stream: Bool
}

/// An HTTP verb sebuf can route. Upstream has no HEAD or OPTIONS.
public enum HTTPVerb: String, Sendable, Hashable, CaseIterable {
  case get = "GET"
  case post = "POST"
  case put = "PUT"
  case delete = "DELETE"
  case patch = "PATCH"

  /// POST, PUT and PATCH carry a request body; GET and DELETE bind fields to the URL.
  public var hasBody: Bool { self == .post || self == .put || self == .patch }

  init?(number: UInt64) {
    switch number {
    case 1: self = .get
    case 2: self = .post
    case 3: self = .put
    case 4: self = .delete
    case 5: self = .patch
    default: return nil
    }
  }
}

/// One HTTP header a service or method expects (`sebuf.http.Header`).
public struct HTTPHeader: Sendable, Hashable {
  public var name: String = ""
  public var description: String = ""
  /// string | integer | number | boolean | array (free text as written).
  public var type: String = ""
  public var required: Bool = false
  /// uuid | email | date-time | date | time (free text as written).
  public var format: String = ""
  public var example: String = ""
  public var deprecated: Bool = false

  public init() {}

  init(_ bytes: ArraySlice<UInt8>) {
    for f in WireFields(Array(bytes)) {
      let s = f.wireType == 2 ? String(decoding: f.bytes, as: UTF8.self) : ""
      switch f.number {
      case 1: name = s
      case 2: description = s
      case 3: type = s
      case 4: required = f.scalar != 0
      case 5: format = s
      case 6: example = s
      case 7: deprecated = f.scalar != 0
      default: break
      }
    }
  }
}

extension Message {
  /// The unknown fields of an options message: where custom options live.
  var extensionFields: WireFields { WireFields([UInt8](unknownFields.data)) }
}

private func headers(_ bytes: [UInt8]?) -> [HTTPHeader] {
  guard let bytes else { return [] }
  return WireFields(bytes).all(1).map(HTTPHeader.init)
}

extension Google_Protobuf_FieldDescriptorProto {
  /// The sebuf annotations on this field.
  public var sebuf: FieldAnnotations {
    var a = FieldAnnotations()
    guard hasOptions else { return a }
    let fields = options.extensionFields
    for f in fields {
      switch f.number {
      case SebufExtension.fieldExamples:
        for v in WireFields(Array(f.bytes)).all(1) { a.examples.append(String(decoding: v, as: UTF8.self)) }
      case SebufExtension.unwrap: a.unwrap = f.scalar != 0
      case SebufExtension.int64Encoding:
        a.int64Encoding = [.unspecified, .string, .number][safe: f.scalar] ?? .unspecified
      case SebufExtension.enumEncoding:
        a.enumEncoding = [.unspecified, .string, .number][safe: f.scalar] ?? .unspecified
      case SebufExtension.nullable: a.nullable = f.scalar != 0
      case SebufExtension.emptyBehavior:
        a.emptyBehavior = [.unspecified, .preserve, .null, .omit][safe: f.scalar] ?? .unspecified
      case SebufExtension.timestampFormat:
        a.timestampFormat =
          [.unspecified, .rfc3339, .unixSeconds, .unixMillis, .date][safe: f.scalar] ?? .unspecified
      case SebufExtension.bytesEncoding:
        a.bytesEncoding =
          [.unspecified, .base64, .base64Raw, .base64URL, .base64URLRaw, .hex][safe: f.scalar] ?? .unspecified
      case SebufExtension.oneofValue: a.oneofValue = String(decoding: f.bytes, as: UTF8.self)
      case SebufExtension.flatten: a.flatten = f.scalar != 0
      case SebufExtension.flattenPrefix: a.flattenPrefix = String(decoding: f.bytes, as: UTF8.self)
      default: break
      }
    }
    if let q = fields.mergedMessage(SebufExtension.query) {
      let qf = WireFields(q)
      a.query = QueryConfig(name: qf.lastString(1) ?? "", required: (qf.lastScalar(2) ?? 0) != 0)
    }
    return a
  }
}

extension Google_Protobuf_OneofDescriptorProto {
  /// `(sebuf.http.oneof_config)`, nil when absent.
  public var sebufOneofConfig: OneofAnnotations? {
    guard hasOptions, let m = options.extensionFields.mergedMessage(SebufExtension.oneofConfig) else {
      return nil
    }
    let f = WireFields(m)
    return OneofAnnotations(discriminator: f.lastString(1) ?? "", flatten: (f.lastScalar(2) ?? 0) != 0)
  }
}

extension Google_Protobuf_EnumValueDescriptorProto {
  /// `(sebuf.http.enum_value)`: the JSON string of this value, nil when absent.
  public var sebufEnumValue: String? {
    guard hasOptions else { return nil }
    return options.extensionFields.lastString(SebufExtension.enumValue)
  }
}

extension Google_Protobuf_MethodDescriptorProto {
  /// `(sebuf.http.config)`, nil when absent.
  public var sebufHTTPConfig: HTTPConfig? {
    guard hasOptions, let m = options.extensionFields.mergedMessage(SebufExtension.config) else { return nil }
    let f = WireFields(m)
    return HTTPConfig(
      path: f.lastString(1) ?? "", verb: f.lastScalar(2).flatMap { HTTPVerb(number: $0) },
      stream: (f.lastScalar(3) ?? 0) != 0)
  }

  /// `(sebuf.http.method_headers).required_headers`.
  public var sebufMethodHeaders: [HTTPHeader] {
    guard hasOptions else { return [] }
    return headers(options.extensionFields.mergedMessage(SebufExtension.methodHeaders))
  }
}

extension Google_Protobuf_ServiceDescriptorProto {
  /// `(sebuf.http.service_config).base_path`, nil when there is no service_config.
  public var sebufBasePath: String? {
    guard hasOptions, let m = options.extensionFields.mergedMessage(SebufExtension.serviceConfig) else {
      return nil
    }
    return WireFields(m).lastString(1) ?? ""
  }

  /// `(sebuf.http.service_headers).required_headers`.
  public var sebufServiceHeaders: [HTTPHeader] {
    guard hasOptions else { return [] }
    return headers(options.extensionFields.mergedMessage(SebufExtension.serviceHeaders))
  }
}

extension Array {
  fileprivate subscript(safe i: UInt64) -> Element? { i < UInt64(count) ? self[Int(i)] : nil }
}
