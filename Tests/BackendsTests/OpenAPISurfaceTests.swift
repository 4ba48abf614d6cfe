// The OpenAPI API surface, checked by a structural walk: the protos in
// Golden/openapi-surface/protos (written for this project; every annotation and option
// upstream's golden tests cover) are generated as YAML and JSON, the JSON document is walked
// into one line per fact (operations, parameters, bodies, responses, SSE item schemas,
// components, properties, required lists, unions), and the facts must equal
// Golden/openapi-surface/facts.txt. SEBUF_UPDATE_GOLDEN=1 rewrites the facts (and fails).

import Backends
import Foundation
import Proto
import Testing

@Suite struct OpenAPISurfaceTests {
  static let root = Corpus.goldenRoot.appendingPathComponent("openapi-surface")

  @Test func documentHasTheRecordedSurface() throws {
    let (image, diagnostics) = compile(
      SourceSet(
        // The corpus root supplies buf/validate/validate.proto.
        roots: [
          .init(directory: Self.root.appendingPathComponent("protos").path, displayPrefix: ""),
          .init(directory: Corpus.corpusRoot.appendingPathComponent("protos").path, displayPrefix: ""),
        ],
        targets: ["surface/v1/surface.proto"]))
    let compiled = try #require(image, "\(diagnostics)")
    let request = { (options: [(key: String, value: String)]) in
      GenerationRequest(image: compiled, filesToGenerate: ["surface/v1/surface.proto"], options: options)
    }
    let json = try OpenAPIBackend().generate(request([("format", "json")]))
    let yaml = try OpenAPIBackend().generate(request([]))
    #expect(json.map(\.path) == ["CatalogService.openapi.json", "LegacyService.openapi.json"])
    #expect(yaml.map(\.path) == ["CatalogService.openapi.yaml", "LegacyService.openapi.yaml"])
    var facts: [String] = []
    for file in json {
      let doc = try #require(try JSONSerialization.jsonObject(with: Data(file.contents)) as? [String: Any])
      facts.append("document \(file.path)")
      facts += SurfaceWalk.facts(doc).map { "  " + $0 }
    }
    let text = facts.joined(separator: "\n") + "\n"
    let problems = try Corpus.compare(
      [("facts.txt", Array(text.utf8))] + Self.protoFiles(), golden: Self.root)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  /// The protos are part of the golden directory; they compare with themselves.
  static func protoFiles() throws -> [(path: String, contents: [UInt8])] {
    let path = "protos/surface/v1/surface.proto"
    return [(path, Array(try Data(contentsOf: root.appendingPathComponent(path))))]
  }
}

/// Walks an OpenAPI document into facts, one line each, in a stable order.
enum SurfaceWalk {
  static func facts(_ doc: [String: Any]) -> [String] {
    var out: [String] = []
    let info = doc["info"] as? [String: Any] ?? [:]
    out.append("openapi \(doc["openapi"] ?? "?") title=\(info["title"] ?? "?") version=\(info["version"] ?? "?")")
    let paths = doc["paths"] as? [String: Any] ?? [:]
    for path in paths.keys.sorted() {
      let item = paths[path] as? [String: Any] ?? [:]
      for verb in ["get", "put", "post", "delete", "patch"] {
        guard let op = item[verb] as? [String: Any] else { continue }
        let tags = (op["tags"] as? [String] ?? []).joined(separator: ",")
        out.append("op \(verb.uppercased()) \(path) id=\(op["operationId"] ?? "?") tags=\(tags)")
        for p in op["parameters"] as? [[String: Any]] ?? [] {
          var line = "  param \(p["in"] ?? "?") \(p["name"] ?? "?") required=\(flag(p["required"]))"
          if flag(p["deprecated"]) { line += " deprecated" }
          if flag(p["allowEmptyValue"]) { line += " allowEmpty" }
          if let style = p["style"] { line += " style=\(style) explode=\(flag(p["explode"]))" }
          out.append(line + " " + summary(p["schema"]))
        }
        if let body = op["requestBody"] as? [String: Any] {
          out.append("  body required=\(flag(body["required"])) \(content(body["content"]))")
        }
        let responses = op["responses"] as? [String: Any] ?? [:]
        for code in responses.keys.sorted() {
          let r = responses[code] as? [String: Any] ?? [:]
          out.append("  response \(code) \(content(r["content"]))")
          if let sse = r["x-sse-event-schema"] { out.append("    x-sse-event-schema \(summary(sse))") }
        }
      }
    }
    let schemas = (doc["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
    for name in schemas.keys.sorted() {
      let s = schemas[name] as? [String: Any] ?? [:]
      out.append("schema \(name) \(summary(s, top: true))")
      if let required = s["required"] as? [String] { out.append("  required \(required.joined(separator: ","))") }
      if let props = s["properties"] as? [String: Any] {
        for p in props.keys.sorted() { out.append("  prop \(p) \(summary(props[p]))") }
      }
      for (i, part) in (s["allOf"] as? [[String: Any]] ?? []).enumerated() {
        out.append("  allOf[\(i)] \(summary(part, top: true))")
        for p in (part["properties"] as? [String: Any] ?? [:]).keys.sorted() {
          out.append("    prop \(p) \(summary((part["properties"] as? [String: Any])?[p]))")
        }
      }
      if let d = s["discriminator"] as? [String: Any] {
        let mapping = (d["mapping"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }
          .map { "\($0.key)->\(ref($0.value))" }.joined(separator: ",")
        out.append("  discriminator \(d["propertyName"] ?? "?") mapping=[\(mapping)]")
      }
    }
    return out
  }

  static func content(_ v: Any?) -> String {
    let c = v as? [String: Any] ?? [:]
    return c.keys.sorted().map { media in
      let m = c[media] as? [String: Any] ?? [:]
      var s = "\(media) \(summary(m["schema"]))"
      if let item = m["itemSchema"] { s += " itemSchema=\(summary(item))" }
      return s
    }.joined(separator: "; ")
  }

  static func flag(_ v: Any?) -> Bool { (v as? Bool) ?? false }
  static func ref(_ s: String) -> String { s.replacingOccurrences(of: "#/components/schemas/", with: "#") }

  /// A schema in one line: `$ref`s, types, formats, enums, bounds, items, maps and unions.
  static func summary(_ v: Any?, top: Bool = false) -> String {
    guard let s = v as? [String: Any] else { return "-" }
    if let r = s["$ref"] as? String { return ref(r) }
    var parts: [String] = []
    if let t = s["type"] as? String { parts.append(t) }
    if let t = s["type"] as? [String] { parts.append(t.joined(separator: "|")) }
    if let f = s["format"] { parts.append("format=\(f)") }
    if let e = s["enum"] as? [Any] { parts.append("enum=[\(e.map { "\($0)" }.joined(separator: ","))]") }
    if let c = s["const"] { parts.append("const=\(c)") }
    for k in ["minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"] {
      if let x = s[k] { parts.append("\(k)=\(x)") }
    }
    if let p = s["pattern"] as? String { parts.append("pattern=\(p.count > 40 ? "<\(p.count) chars>" : p)") }
    if let i = s["items"] { parts.append("items=(\(summary(i)))") }
    if let a = s["additionalProperties"] { parts.append("values=(\(a is Bool ? "\(a)" : summary(a)))") }
    if let m = s["contentMediaType"] { parts.append("contentMediaType=\(m)") }
    if let c = s["contentSchema"] { parts.append("contentSchema=\(summary(c))") }
    for union in ["oneOf", "anyOf"] {
      if let xs = s[union] as? [Any] { parts.append("\(union)(\(xs.map { summary($0) }.joined(separator: ", ")))") }
    }
    if !top, let props = s["properties"] as? [String: Any] {
      parts.append("{" + props.keys.sorted().map { "\($0): \(summary(props[$0]))" }.joined(separator: ", ") + "}")
      if let r = s["required"] as? [String] { parts.append("required=[\(r.joined(separator: ","))]") }
    }
    if let d = s["description"] as? String { parts.append("\"\(d.split(separator: "\n").first ?? "")\"") }
    if let ex = s["example"] { parts.append("example=\(ex)") }
    return parts.isEmpty ? "{}" : parts.joined(separator: " ")
  }
}
