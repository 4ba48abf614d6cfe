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

  /// The type of a message used as a request or response value. A root-unwrapped response is
  /// the bare list or map it serialises as (upstream's method signatures spell it inline); a
  /// request keeps the message's interface, which the generated code wraps and unwraps.
  func messageType(_ typeName: String, response: Bool = false, _ imports: inout TSImports) -> String {
    guard let m = schema.message(typeName) else { return "unknown" }
    if ProtoSchema.wellKnownJSON.contains(m.fullName) {
      return wellKnown(m.fullName, annotations: nil)
    }
    if response, let root = schema.rootUnwrap(m) { return unwrapped(root, &imports) }
    return reference(m, &imports)
  }

  /// The bare JSON type of a root-unwrapped message's field. Elements that are themselves
  /// root-unwrapped are referenced by name here, so self-referencing messages terminate.
  private func unwrapped(_ root: FieldProto, _ imports: inout TSImports) -> String {
    fieldType(root, inlineUnwrap: false, &imports)
  }

  /// The TS type of a field, without optionality.
  /// `nullable` adds `| null` (upstream's spelling; the member is then required). A
  /// message with root unwrap is spelled as its bare list or map (`inlineUnwrap`), the form
  /// it takes on the wire wherever it appears.
  func fieldType(_ f: FieldProto, inlineUnwrap: Bool = true, _ imports: inout TSImports) -> String {
    let a = f.sebuf
    var base: String
    switch schema.shape(f) {
    case .single(let v): base = value(v, field: f, imports: &imports, inlineUnwrap: inlineUnwrap)
    case .list(let v): base = array(value(v, field: f, imports: &imports, inlineUnwrap: inlineUnwrap))
    case .map(_, let v, let valueField):
      var inner = value(v, field: valueField, imports: &imports, inMap: true, inlineUnwrap: inlineUnwrap)
      // Annotations on the map field apply to its values.
      if case .scalar(let t) = v, ProtoSchema.is64Bit(t) { inner = a.int64Encoding == .number ? "number" : "string" }
      if case .enumType = v, a.enumEncoding == .number { inner = "number" }
      base = "{ [key: string]: \(inner) }"
    }
    // empty_behavior=NULL keeps the plain optional type, as upstream declares it.
    if a.nullable == true { base += " | null" }
    return base
  }

  private func array(_ t: String) -> String {
    t.contains(" ") ? "(\(t))[]" : t + "[]"
  }

  private func value(
    _ v: ValueShape, field: FieldProto, imports: inout TSImports, inMap: Bool = false, inlineUnwrap: Bool = true
  ) -> String {
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
      if inMap, let list = schema.mapValueUnwrap(m) {
        return array(value(schema.valueShape(list), field: list, imports: &imports, inlineUnwrap: false))
      }
      if inlineUnwrap, let root = schema.rootUnwrap(m) { return unwrapped(root, &imports) }
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
  /// editions EXPLICIT presence — or a singular message); a `nullable` field is always present
  /// (`name: T | null`), as upstream declares it.
  func isOptional(_ ref: FieldRef) -> Bool {
    let f = ref.proto
    if f.sebuf.nullable == true { return false }
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

  /// One exported union per real oneof, named `<Message><OneofInUpperCamel>` (upstream's
  /// helper types): presence arms, or discriminated arms with `oneof_config`. Every arm
  /// guards the keys of the others with `?: never`; the last arm is the unset oneof.
  func oneofUnions(of m: MessageEntry, imports: inout TSImports) -> [(suffix: String, arms: [String])] {
    var unions: [(suffix: String, arms: [String])] = []
    for (i, decl) in m.descriptor.oneofDecl.enumerated() {
      let variants = schema.fields(of: m).filter { $0.isRealOneofMember && $0.proto.oneofIndex == Int32(i) }
      guard !variants.isEmpty else { continue }
      let names = variants.map { ProtoSchema.jsonName($0.proto) }
      func never(_ keys: [String]) -> [String] { keys.map { "\(TSLayout.propertyKey($0))?: never" } }
      func arm(_ parts: [String]) -> String { "{ " + parts.joined(separator: "; ") + " }" }
      var arms: [String] = []
      let config = decl.sebufOneofConfig.flatMap { $0.discriminator.isEmpty ? nil : $0 }
      var guarded = names
      if let config, config.flatten {
        // The keys a flattened variant promotes onto the parent: its child fields.
        var seen: Set<String> = []
        guarded = []
        for v in variants {
          guard case .single(.message(let child)) = schema.shape(v.proto) else { continue }
          for c in child.descriptor.field where seen.insert(ProtoSchema.jsonName(c)).inserted {
            guarded.append(ProtoSchema.jsonName(c))
          }
        }
      }
      for (n, v) in variants.enumerated() {
        let f = v.proto
        let key = TSLayout.propertyKey(names[n])
        var others = names
        others.remove(at: n)
        guard let config else {
          arms.append(arm(["\(key): \(fieldType(f, &imports))"] + never(others)))
          continue
        }
        // Upstream's wire tag: the variant's oneof_value, else its proto field name.
        let tag =
          "\(TSLayout.propertyKey(config.discriminator)): \(TSLayout.stringLiteral(f.sebuf.oneofValue ?? f.name))"
        if config.flatten, case .single(.message(let child)) = schema.shape(f) {
          let fields = child.descriptor.field.map { c in
            "\(TSLayout.propertyKey(ProtoSchema.jsonName(c))): \(fieldType(c, &imports))"
          }
          arms.append(arm([tag] + fields))
        } else {
          arms.append(arm([tag, "\(key): \(fieldType(f, &imports))"] + never(others)))
        }
      }
      var unset = never(guarded)
      if let config { unset.insert("\(TSLayout.propertyKey(config.discriminator))?: never", at: 0) }
      arms.append(arm(unset))
      unions.append((Self.upperCamel(snake: decl.name), arms))
    }
    return unions
  }

  /// `super_title_image` → `SuperTitleImage` (upstream's oneof helper-type suffix).
  static func upperCamel(snake: String) -> String {
    snake.split(separator: "_", omittingEmptySubsequences: false).map { Naming.upperFirst(String($0)) }.joined()
  }
}
