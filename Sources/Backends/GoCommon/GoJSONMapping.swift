import Diagnostics
import Proto
import SwiftProtobuf

/// The JSON-mapping annotations (unwrap, int64/enum encoding, enum_value, nullable,
/// empty_behavior, timestamp_format, bytes_encoding, flatten, oneof discriminators)
/// for the Go backends: generation-time checks of their use, and which messages need
/// MarshalJSON/UnmarshalJSON (directly or through a nested message); ``GoJSONFiles``
/// writes them.
public struct GoJSONMapping {
  let layout: GoLayout
  private var memo: [String: Bool] = [:]

  public init(layout: GoLayout) { self.layout = layout }

  private var index: DescriptorIndex { layout.index }

  /// Messages of `file` (nested included, map entries excluded) in declaration order.
  func messages(of file: String) -> [MessageEntry] {
    guard let f = index.file(file) else { return [] }
    let prefix = f.descriptor.package.isEmpty ? "" : f.descriptor.package + "."
    var out: [MessageEntry] = []
    func walk(_ name: String) {
      guard let m = index.message(name) else { return }
      if m.descriptor.options.mapEntry { return }
      out.append(m)
      for n in m.descriptor.nestedType { walk(name + "." + n.name) }
    }
    for m in f.descriptor.messageType { walk(prefix + m.name) }
    return out
  }

  /// Whether `fullName`'s JSON differs from plain protojson (itself or anything inside).
  mutating func needsCustomJSON(_ fullName: String) -> Bool {
    var visiting: Set<String> = []
    return needs(fullName, &visiting)
  }

  private mutating func needs(_ fullName: String, _ visiting: inout Set<String>) -> Bool {
    let key = fullName.hasPrefix(".") ? String(fullName.dropFirst()) : fullName
    if let known = memo[key] { return known }
    guard !key.hasPrefix("google.protobuf."), let m = index.message(key), visiting.insert(key).inserted else {
      return false
    }
    var result = m.descriptor.oneofDecl.contains { ($0.sebufOneofConfig?.discriminator ?? "") != "" }
    for f in m.descriptor.field where !result {
      let a = f.sebuf
      if a.unwrap || a.int64Encoding != nil || a.enumEncoding != nil || a.nullable == true || a.emptyBehavior != nil
        || a.timestampFormat != nil || a.bytesEncoding != nil || a.flatten == true
      {
        result = true
      } else if f.type == .enum, let e = index.enumType(f.typeName) {
        result = e.descriptor.value.contains { $0.sebufEnumValue != nil }
      } else if AnnotationValidity.isMessage(f) {
        result = needs(f.typeName, &visiting)
      }
    }
    visiting.remove(key)
    memo[key] = result
    return result
  }

  /// Generation errors for annotation misuse in `file` (sebuf.md §5), with field spans:
  /// the shared ``AnnotationValidity`` table in upstream's Go wording, plus the JSON-name
  /// collisions that flattening creates in Go's MarshalJSON.
  func check(file: String) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let validity = AnnotationValidity(index)
    for m in messages(of: file) {
      let d = m.descriptor
      let display = index.file(m.file)?.displayPath ?? m.file
      func span(_ path: [Int32]) -> Span { index.span(file: m.file, path: path) ?? .file(display) }
      for v in validity.violations(in: d, path: m.path, file: m.file) {
        problems.append(.error(Self.message(v, in: d), rule: "GENERATE", at: span(v.element)))
      }
      for (path, text) in flattenCollisions(d, path: m.path) {
        problems.append(.error(text, rule: "GENERATE", at: span(path)))
      }
    }
    return problems
  }

  /// Upstream go-http's wording of a violation in message `d`.
  static func message(_ v: AnnotationViolation, in d: Google_Protobuf_DescriptorProto) -> String {
    let subject: String
    if v.element.count >= 2, v.element[v.element.count - 2] == 8 {
      subject = "\(d.name).\(d.oneofDecl[Int(v.element.last!)].name)"
    } else {
      subject = "\(d.name).\(d.field[Int(v.element.last!)].name)"
    }
    let field = v.element.last.map { Int($0) } ?? 0
    switch v.problem {
    case .unwrapNotRepeated:
      return "invalid unwrap annotation on \(subject): unwrap annotation can only be used on repeated or map fields"
    case .unwrapAlreadyOn:
      return "invalid unwrap annotation on \(subject): only one field per message can have the unwrap annotation"
    case .unwrapMapNotAlone:
      return
        "invalid unwrap annotation on \(subject): map fields with unwrap annotation require the message to have exactly one field (root unwrap)"
    case .int64EncodingNot64Bit:
      return "invalid int64_encoding annotation on \(subject): int64_encoding is only valid on 64-bit integer fields"
    case .enumEncodingNotEnum:
      return "invalid enum_encoding annotation on \(subject): enum_encoding is only valid on enum fields"
    case .enumEncodingNumberWithEnumValues:
      return
        "enum annotation validation failed: field \(d.field[field].name) has both enum_encoding=NUMBER and enum_value annotations - this is not allowed"
    case .nullableOnMessage:
      return
        "invalid nullable annotation on \(subject): nullable annotation is only valid on primitive fields, not message fields"
    case .nullableNotOptional:
      return "invalid nullable annotation on \(subject): nullable annotation is only valid on proto3 optional fields"
    case .emptyBehaviorNotMessage:
      return
        "invalid empty_behavior annotation on \(subject): empty_behavior annotation is only valid on message fields"
    case .emptyBehaviorOnMap:
      return "invalid empty_behavior annotation on \(subject): empty_behavior annotation is not valid on map fields"
    case .emptyBehaviorOnRepeated:
      return
        "invalid empty_behavior annotation on \(subject): empty_behavior annotation is not valid on repeated fields"
    case .timestampFormatNotTimestamp:
      return
        "invalid timestamp_format annotation on \(subject): timestamp_format annotation is only valid on google.protobuf.Timestamp fields"
    case .bytesEncodingNotBytes:
      return "invalid bytes_encoding annotation on \(subject): bytes_encoding annotation is only valid on bytes fields"
    case .flattenPrefixWithoutFlatten(let prefix):
      return "field \(subject): flatten_prefix=\"\(prefix)\" set without flatten=true"
    case .flattenOnMap: return "field \(subject): flatten is not valid on map fields"
    case .flattenOnRepeated: return "field \(subject): flatten is not valid on repeated fields"
    case .flattenNotMessage:
      return "field \(subject): flatten is only valid on message fields (got \(d.field[field].type.protoName))"
    case .flattenOnOneofVariant:
      return "field \(subject): flatten is not valid on oneof variant fields (use oneof_config.flatten instead)"
    case .discriminatorCollides(let other, _):
      let discriminator = d.oneofDecl[field].sebufOneofConfig?.discriminator ?? ""
      return
        "oneof \(subject): discriminator name \"\(discriminator)\" collides with field \"\(other)\" (JSON: \"\(discriminator)\")"
    case .flattenedVariantNotMessage(let variant):
      return
        "oneof \(subject) with flatten=true: variant \"\(d.field[variant].name)\" must be a message type (got scalar)"
    }
  }

  /// JSON-name collisions that flattening creates in Go's MarshalJSON: a flattened child
  /// against the parent's fields, and a flattened oneof variant's children against the
  /// parent's fields and the discriminator. Spans are the flattened field's or the oneof's.
  private func flattenCollisions(_ d: Google_Protobuf_DescriptorProto, path: [Int32]) -> [([Int32], String)] {
    var out: [([Int32], String)] = []
    var jsonNames: [String: String] = [:]
    for f in d.field {
      jsonNames[f.jsonName] = f.name
      jsonNames[f.name] = f.name
    }
    for (i, f) in d.field.enumerated() where f.hasOptions {
      let a = f.sebuf
      guard a.flatten == true, AnnotationValidity.isMessage(f), f.label != .repeated,
        !(f.hasOneofIndex && !f.proto3Optional),
        let child = index.message(f.typeName)
      else { continue }
      let prefix = a.flattenPrefix ?? ""
      for c in child.descriptor.field {
        let flat = prefix + c.jsonName
        if let parent = jsonNames[flat] {
          out.append(
            (
              path + [2, Int32(i)],
              "field \(d.name).\(f.name): flattened child \"\(c.name)\" (JSON: \"\(flat)\") collides with parent field \"\(parent)\""
            ))
        }
        jsonNames[flat] = "\(f.name).\(c.name)"
      }
    }
    for (oi, o) in d.oneofDecl.enumerated() {
      guard let cfg = o.sebufOneofConfig, !cfg.discriminator.isEmpty, cfg.flatten else { continue }
      let oname = "\(d.name).\(o.name)"
      for f in d.field where f.hasOneofIndex && f.oneofIndex == Int32(oi) && AnnotationValidity.isMessage(f) {
        guard let child = index.message(f.typeName) else { continue }
        for c in child.descriptor.field where jsonNames[c.jsonName] != nil || c.jsonName == cfg.discriminator {
          let source =
            c.jsonName == cfg.discriminator ? "the discriminator" : "field \"\(jsonNames[c.jsonName] ?? "")\""
          out.append(
            (
              path + [8, Int32(oi)],
              "oneof \(oname) with flatten=true: variant \"\(f.name)\" child field \"\(c.name)\" (JSON: \"\(c.jsonName)\") collides with \(source)"
            ))
        }
      }
    }
    return out
  }
}
