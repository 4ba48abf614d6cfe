import Diagnostics
import Proto
import SwiftProtobuf

/// The JSON-mapping annotations (unwrap, int64/enum encoding, enum_value, nullable,
/// empty_behavior, timestamp_format, bytes_encoding, flatten, oneof discriminators)
/// for the Go backends: generation-time checks of their use, and `<name>_json.pb.go`
/// giving every message that needs it (directly or through a nested message)
/// MarshalJSON/UnmarshalJSON built on the package's `sebuf_json.pb.go` runtime.
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
      } else if f.type == .message {
        result = needs(f.typeName, &visiting)
      }
    }
    visiting.remove(key)
    memo[key] = result
    return result
  }

  /// Generation errors for annotation misuse in `file` (sebuf.md §5), with field spans.
  func check(file: String) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for m in messages(of: file) {
      let d = m.descriptor
      let display = index.file(m.file)?.displayPath ?? m.file
      func at(_ i: Int) -> Span { index.span(file: m.file, path: m.path + [2, Int32(i)]) ?? .file(display) }
      func fail(_ i: Int, _ message: String) { problems.append(.error(message, rule: "GENERATE", at: at(i))) }
      let isMap = { (f: Google_Protobuf_FieldDescriptorProto) in
        f.type == .message && f.label == .repeated && (index.message(f.typeName)?.descriptor.options.mapEntry ?? false)
      }
      var unwrapCount = 0
      var jsonNames: [String: String] = [:]
      for f in d.field { jsonNames[f.jsonName] = f.name; jsonNames[f.name] = f.name }
      for (i, f) in d.field.enumerated() {
        let a = f.sebuf
        let name = "\(d.name).\(f.name)"
        let repeated = f.label == .repeated
        if a.unwrap {
          unwrapCount += 1
          if !repeated {
            fail(i, "invalid unwrap annotation on \(name): unwrap annotation can only be used on repeated or map fields")
          } else if unwrapCount > 1 {
            fail(i, "invalid unwrap annotation on \(name): only one field per message can have the unwrap annotation")
          } else if isMap(f), d.field.count != 1 {
            fail(i, "invalid unwrap annotation on \(name): map fields with unwrap annotation require the message to have exactly one field (root unwrap)")
          }
        }
        if a.int64Encoding != nil, ![.int64, .uint64, .sint64, .fixed64, .sfixed64].contains(f.type) {
          fail(i, "invalid int64_encoding annotation on \(name): int64_encoding is only valid on 64-bit integer fields")
        }
        if let enc = a.enumEncoding {
          if f.type != .enum {
            fail(i, "invalid enum_encoding annotation on \(name): enum_encoding is only valid on enum fields")
          } else if enc == .number, let e = index.enumType(f.typeName),
            e.descriptor.value.contains(where: { $0.sebufEnumValue != nil })
          {
            fail(i, "enum annotation validation failed: field \(f.name) has both enum_encoding=NUMBER and enum_value annotations - this is not allowed")
          }
        }
        if a.nullable == true {
          if f.type == .message {
            fail(i, "invalid nullable annotation on \(name): nullable annotation is only valid on primitive fields, not message fields")
          } else if !f.proto3Optional {
            fail(i, "invalid nullable annotation on \(name): nullable annotation is only valid on proto3 optional fields")
          }
        }
        if a.emptyBehavior != nil {
          if f.type != .message {
            fail(i, "invalid empty_behavior annotation on \(name): empty_behavior annotation is only valid on message fields")
          } else if isMap(f) {
            fail(i, "invalid empty_behavior annotation on \(name): empty_behavior annotation is not valid on map fields")
          } else if repeated {
            fail(i, "invalid empty_behavior annotation on \(name): empty_behavior annotation is not valid on repeated fields")
          }
        }
        if a.timestampFormat != nil, !(f.type == .message && f.typeName == ".google.protobuf.Timestamp") {
          fail(i, "invalid timestamp_format annotation on \(name): timestamp_format annotation is only valid on google.protobuf.Timestamp fields")
        }
        if a.bytesEncoding != nil, f.type != .bytes {
          fail(i, "invalid bytes_encoding annotation on \(name): bytes_encoding annotation is only valid on bytes fields")
        }
        if a.flattenPrefix != nil, a.flatten != true {
          fail(i, "field \(name): flatten_prefix=\"\(a.flattenPrefix ?? "")\" set without flatten=true")
        }
        if a.flatten == true {
          if isMap(f) {
            fail(i, "field \(name): flatten is not valid on map fields")
          } else if repeated {
            fail(i, "field \(name): flatten is not valid on repeated fields")
          } else if f.type != .message {
            fail(i, "field \(name): flatten is only valid on message fields (got \(f.type.protoName))")
          } else if f.hasOneofIndex && !f.proto3Optional {
            fail(i, "field \(name): flatten is not valid on oneof variant fields (use oneof_config.flatten instead)")
          } else if let child = index.message(f.typeName) {
            let prefix = a.flattenPrefix ?? ""
            for c in child.descriptor.field {
              let flat = prefix + c.jsonName
              if let parent = jsonNames[flat] {
                fail(i, "field \(name): flattened child \"\(c.name)\" (JSON: \"\(flat)\") collides with parent field \"\(parent)\"")
              }
              jsonNames[flat] = "\(f.name).\(c.name)"
            }
          }
        }
      }
      for (oi, o) in d.oneofDecl.enumerated() {
        guard let cfg = o.sebufOneofConfig, !cfg.discriminator.isEmpty else { continue }
        let span = index.span(file: m.file, path: m.path + [8, Int32(oi)]) ?? .file(display)
        let oname = "\(d.name).\(o.name)"
        if let field = jsonNames[cfg.discriminator] {
          problems.append(.error(
            "oneof \(oname): discriminator name \"\(cfg.discriminator)\" collides with field \"\(field)\" (JSON: \"\(cfg.discriminator)\")",
            rule: "GENERATE", at: span))
        }
        guard cfg.flatten else { continue }
        for f in d.field where f.hasOneofIndex && f.oneofIndex == Int32(oi) {
          guard f.type == .message, let child = index.message(f.typeName) else {
            problems.append(.error(
              "oneof \(oname) with flatten=true: variant \"\(f.name)\" must be a message type (got scalar)",
              rule: "GENERATE", at: span))
            continue
          }
          for c in child.descriptor.field where jsonNames[c.jsonName] != nil || c.jsonName == cfg.discriminator {
            let source = c.jsonName == cfg.discriminator ? "the discriminator" : "field \"\(jsonNames[c.jsonName] ?? "")\""
            problems.append(.error(
              "oneof \(oname) with flatten=true: variant \"\(f.name)\" child field \"\(c.name)\" (JSON: \"\(c.jsonName)\") collides with \(source)",
              rule: "GENERATE", at: span))
          }
        }
      }
    }
    return problems
  }

  /// `<name>_json.pb.go` for `file`, or nil when no message of it needs custom JSON.
  mutating func render(file: String) throws -> String? {
    let pkg = try layout.package(of: file)
    let targets = messages(of: file).filter { needsCustomJSON($0.fullName) }
    guard !targets.isEmpty else { return nil }
    var p = CodePrinter(indent: "\t")
    p.line("// Code generated by sebuf. DO NOT EDIT.")
    p.line("// source: \(file)")
    p.blank()
    p.line("package \(pkg.name)")
    p.blank()
    p.line("import \"google.golang.org/protobuf/encoding/protojson\"")
    for m in targets {
      let type = try layout.messageType(m.fullName).name
      p.blank()
      p.line("// MarshalJSON encodes x as JSON with the sebuf annotations of \(m.fullName) applied.")
      p.line("func (x *\(type)) MarshalJSON() ([]byte, error) {")
      p.indented { $0.line("return sebufEncodeJSON(x, protojson.MarshalOptions{})") }
      p.line("}")
      p.blank()
      p.line("// MarshalJSONSebuf is MarshalJSON with explicit protojson options.")
      p.line("func (x *\(type)) MarshalJSONSebuf(opts protojson.MarshalOptions) ([]byte, error) {")
      p.indented { $0.line("return sebufEncodeJSON(x, opts)") }
      p.line("}")
      p.blank()
      p.line("// UnmarshalJSON decodes JSON written with the sebuf annotations of \(m.fullName).")
      p.line("func (x *\(type)) UnmarshalJSON(data []byte) error {")
      p.indented { $0.line("return sebufDecodeJSON(data, x, protojson.UnmarshalOptions{})") }
      p.line("}")
      p.blank()
      p.line("// UnmarshalJSONSebuf is UnmarshalJSON with explicit protojson options.")
      p.line("func (x *\(type)) UnmarshalJSONSebuf(data []byte, opts protojson.UnmarshalOptions) error {")
      p.indented { $0.line("return sebufDecodeJSON(data, x, opts)") }
      p.line("}")
    }
    return p.content
  }
}
