// The TypeScript spelling of proto types under sebuf's JSON mapping (reference §2.3): JSON
// names, 64-bit integers as strings unless NUMBER encoding, enums as string-literal unions,
// oneofs as unions, nullable, unwrap, flatten and timestamp formats.

import Foundation
import Proto

/// Maps proto types to TS type expressions, importing what a module needs as it goes.
struct TSTypeMapper {
  let schema: ProtoSchema

  /// The TS type name a message or enum is exported under, and the module exporting it.
  func declaration(fullName: String, package: String, file: String) -> (name: String, module: String) {
    (Naming.hoisted(fullName: fullName, package: package), TSLayout.typeModule(forProto: file))
  }

  func reference(_ m: MessageEntry, _ imports: inout TSImports) -> String {
    let d = declaration(fullName: m.fullName, package: m.package, file: m.file)
    return imports.type(d.name, from: d.module)
  }

  func reference(_ e: EnumEntry, _ imports: inout TSImports) -> String {
    let d = declaration(fullName: e.fullName, package: e.package, file: e.file)
    return imports.type(d.name, from: d.module)
  }

  /// The type of a message used as a request or response value (root unwrap included: the
  /// message's own declaration already is the bare array or map).
  func messageType(_ typeName: String, _ imports: inout TSImports) -> String {
    guard let m = schema.message(typeName) else { return "unknown" }
    if ProtoSchema.wellKnownJSON.contains(m.fullName) {
      return wellKnown(m.fullName, annotations: nil)
    }
    return reference(m, &imports)
  }

  /// The TS type of a field, without optionality.
  func fieldType(_ f: FieldProto, _ imports: inout TSImports) -> String {
    let a = f.sebuf
    var base: String
    switch schema.shape(f) {
    case .single(let v): base = value(v, field: f, imports: &imports)
    case .list(let v): base = array(value(v, field: f, imports: &imports))
    case .map(_, let v, let valueField):
      var inner = value(v, field: valueField, imports: &imports, inMap: true)
      // Annotations on the map field apply to its values.
      if case .scalar(let t) = v, ProtoSchema.is64Bit(t) { inner = a.int64Encoding == .number ? "number" : "string" }
      if case .enumType = v, a.enumEncoding == .number { inner = "number" }
      base = "{ [key: string]: \(inner) }"
    }
    if a.nullable == true || a.emptyBehavior == .null { base += " | null" }
    return base
  }

  private func array(_ t: String) -> String {
    t.contains(" ") ? "(\(t))[]" : t + "[]"
  }

  private func value(_ v: ValueShape, field: FieldProto, imports: inout TSImports, inMap: Bool = false) -> String {
    let a = field.sebuf
    switch v {
    case .scalar(let t):
      switch t {
      case .string, .bytes: return "string"
      case .bool: return "boolean"
      default:
        if ProtoSchema.is64Bit(t) { return a.int64Encoding == .number ? "number" : "string" }
        return "number"
      }
    case .enumType(let e):
      return a.enumEncoding == .number ? "number" : reference(e, &imports)
    case .message(let m):
      if inMap, schema.rootUnwrap(m) == nil, let list = schema.mapValueUnwrap(m) {
        return array(value(schema.valueShape(list), field: list, imports: &imports))
      }
      return reference(m, &imports)
    case .wellKnown(let name):
      return wellKnown(name, annotations: a)
    }
  }

  func wellKnown(_ name: String, annotations a: FieldAnnotations?) -> String {
    switch name {
    case "google.protobuf.Timestamp":
      switch a?.timestampFormat {
      case .unixSeconds?, .unixMillis?: return "number"
      default: return "string"
      }
    case "google.protobuf.Duration", "google.protobuf.FieldMask", "google.protobuf.StringValue",
      "google.protobuf.BytesValue", "google.protobuf.Int64Value", "google.protobuf.UInt64Value":
      return "string"
    case "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int32Value",
      "google.protobuf.UInt32Value":
      return "number"
    case "google.protobuf.BoolValue": return "boolean"
    case "google.protobuf.Struct": return "{ [key: string]: unknown }"
    case "google.protobuf.ListValue": return "unknown[]"
    case "google.protobuf.Any": return "{ \"@type\": string; [key: string]: unknown }"
    case "google.protobuf.Empty": return "Record<string, never>"
    case "google.protobuf.NullValue": return "null"
    default: return "unknown"
    }
  }

  /// Whether a field is written `name?:` (an optional scalar — proto3 or proto2 `optional`,
  /// editions EXPLICIT presence — or a singular message).
  func isOptional(_ ref: FieldRef) -> Bool {
    let f = ref.proto
    if schema.semantics(ref).hasOptionalKeyword { return true }
    if case .single(let v) = schema.shape(f) {
      switch v {
      case .message, .wellKnown: return true
      default: return false
      }
    }
    return false
  }

  /// The members of a message's object type, one per line (flattened children inlined).
  func members(of m: MessageEntry, prefix: String = "", imports: inout TSImports) -> [String] {
    var lines: [String] = []
    for ref in schema.fields(of: m) where !ref.isRealOneofMember {
      let f = ref.proto
      if f.sebuf.flatten == true, case .single(.message(let child)) = schema.shape(f) {
        lines += members(of: child, prefix: prefix + (f.sebuf.flattenPrefix ?? ""), imports: &imports)
        continue
      }
      lines += TSLayout.docComment(schema.comment(file: m.file, path: ref.sourcePath))
      let opt = isOptional(ref) ? "?" : ""
      lines.append("\(TSLayout.propertyKey(prefix + ProtoSchema.jsonName(f)))\(opt): \(fieldType(f, &imports));")
    }
    return lines
  }

  /// One union per real oneof: presence arms, or discriminated arms with `oneof_config`.
  func oneofUnions(of m: MessageEntry, imports: inout TSImports) -> [[String]] {
    var unions: [[String]] = []
    for (i, decl) in m.descriptor.oneofDecl.enumerated() {
      let variants = schema.fields(of: m).filter { $0.isRealOneofMember && $0.proto.oneofIndex == Int32(i) }
      guard !variants.isEmpty else { continue }
      let names = variants.map { ProtoSchema.jsonName($0.proto) }
      func never(except: String?) -> String {
        names.filter { $0 != except }.map { "\(TSLayout.propertyKey($0))?: never" }.joined(separator: "; ")
      }
      var arms: [String] = []
      let config = decl.sebufOneofConfig.flatMap { $0.discriminator.isEmpty ? nil : $0 }
      for v in variants {
        let f = v.proto
        let key = TSLayout.propertyKey(ProtoSchema.jsonName(f))
        let type = fieldType(f, &imports)
        let others = never(except: ProtoSchema.jsonName(f))
        if let config {
          let disc = TSLayout.propertyKey(config.discriminator)
          let tag = TSLayout.stringLiteral(f.sebuf.oneofValue ?? f.name)
          if config.flatten {
            arms.append("({ \(disc): \(tag) } & \(type))")
          } else {
            arms.append("{ \(disc): \(tag); \(key): \(type)\(others.isEmpty ? "" : "; " + others) }")
          }
        } else {
          arms.append("{ \(key): \(type)\(others.isEmpty ? "" : "; " + others) }")
        }
      }
      if let config {
        let disc = TSLayout.propertyKey(config.discriminator)
        arms.append(config.flatten ? "{ \(disc)?: never }" : "{ \(disc)?: never; \(never(except: nil)) }")
      } else {
        arms.append("{ \(never(except: nil)) }")
      }
      unions.append(arms)
    }
    return unions
  }
}
