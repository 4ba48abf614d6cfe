// Measures the openapi backend against upstream sebuf's own golden documents: compiles the
// protos of upstream's internal/openapiv3 golden tests (read at test time from a local mirror
// of github.com/SebastienMelki/sebuf; nothing of it is committed here) with sebuf's compiler,
// generates with the options upstream's tests use, and compares with upstream's goldens.
// Every difference must be one of the deliberate ones listed below (each also in the README's
// "Coming from upstream sebuf"); without a difference a document must be byte-identical, in
// YAML and in JSON. Skipped when the mirror is absent.

import Backends
import Foundation
import Proto
import TestSupport
import Testing

/// A JSON document flattened to its leaves: JSON pointer → the leaf as compact JSON.
struct JSONLeaves {
  var leaves: [String: String] = [:]

  init(_ data: Data) throws {
    let root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    var stack: [(String, Any)] = [("", root)]
    while let (pointer, value) = stack.popLast() {
      if let o = value as? [String: Any] {
        if o.isEmpty { leaves[pointer] = "{}" }
        for (k, v) in o {
          let key = k.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
          stack.append((pointer + "/" + key, v))
        }
      } else if let a = value as? [Any] {
        if a.isEmpty { leaves[pointer] = "[]" }
        for (i, v) in a.enumerated() { stack.append((pointer + "/\(i)", v)) }
      } else {
        let d = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])
        leaves[pointer] = String(decoding: d, as: UTF8.self)
      }
    }
  }
}

/// One leaf that differs: its pointer, upstream's value and sebuf's (nil when absent).
struct LeafDifference: CustomStringConvertible, Sendable {
  var document: String
  var pointer: String
  var upstream: String?
  var sebuf: String?
  /// Component schema names and path keys (escaped) of each side.
  var upstreamComponents: Set<String> = []
  var sebufComponents: Set<String> = []
  var upstreamPaths: Set<String> = []
  var sebufPaths: Set<String> = []

  /// The `index`-th segment of the pointer (0 is the first after the leading `/`).
  func segment(_ index: Int) -> String? {
    let parts = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
    return index < parts.count ? String(parts[parts.startIndex + index]) : nil
  }
  var description: String { "\(document) \(pointer): \(upstream ?? "(absent)") → \(sebuf ?? "(absent)")" }
}

/// The differences sebuf makes on purpose, each with its reason.
struct DeliberateDifference: Sendable {
  var id: String
  var reason: String
  var matches: @Sendable (LeafDifference) -> Bool

  static func pointer(_ d: LeafDifference, _ pattern: String) -> Bool {
    d.pointer.range(of: pattern, options: .regularExpression) != nil
  }

  static let all: [DeliberateDifference] = [
    DeliberateDifference(
      id: "error-schema-wording",
      reason: "the three error schemas carry sebuf's own descriptions (structure and required lists as upstream)",
      matches: {
        pointer($0, "^/components/schemas/(Error|FieldViolation|ValidationError)(/properties/[a-z]+)?/description$")
      }
    ),
    DeliberateDifference(
      id: "uint32-range",
      reason: "uint32/fixed32 are integers 0…4294967295 (format int64), not int32",
      matches: {
        (pointer($0, "/format$") && $0.upstream == "\"int32\"" && $0.sebuf == "\"int64\"")
          || (pointer($0, "/maximum$") && $0.upstream == nil && $0.sebuf == "4294967295")
          || (pointer($0, "^/paths/.*/parameters/\\d+/schema(/items)?/minimum$") && $0.upstream == nil
            && $0.sebuf == "0")
      }),
    DeliberateDifference(
      id: "url-param-values",
      reason:
        "path/query parameter schemas give the values the server parses: enum names or numbers, 64-bit integers as digits (upstream: any string)",
      matches: {
        pointer($0, "^/paths/.*/parameters/\\d+/schema(/items)?/(anyOf/.*|type|format|minimum|maximum|enum/\\d+)$")
      }),
    DeliberateDifference(
      id: "int64-range",
      reason: "64-bit integers carry their exact range: a digits pattern for JSON strings, bounds for NUMBER encoding",
      matches: {
        (pointer($0, "/pattern$") && $0.upstream == nil && ($0.sebuf?.hasPrefix("\"^(") ?? false))
          || (pointer($0, "/(minimum|maximum)$") && $0.upstream == nil
            && ["-9223372036854775808", "9223372036854775807", "18446744073709551615"].contains($0.sebuf ?? ""))
      }),
    DeliberateDifference(
      id: "request-body-optional",
      reason: "request bodies are not required: the server reads an empty body as the empty message",
      matches: { pointer($0, "/requestBody/required$") && $0.upstream == "true" && $0.sebuf == nil }),
    DeliberateDifference(
      id: "empty-query-values",
      reason: "optional query parameters that are not plain strings allow an empty value, which the server ignores",
      matches: {
        pointer($0, "^/paths/.*/parameters/\\d+/allowEmptyValue$") && $0.upstream == nil && $0.sebuf == "true"
      }),
    DeliberateDifference(
      id: "no-map-entry-components",
      reason: "no components for map entry messages (nothing on the wire has their shape)",
      matches: { pointer($0, "^/components/schemas/[A-Za-z_]*Entry/") && $0.sebuf == nil }),
    DeliberateDifference(
      id: "no-well-known-components",
      reason: "no object components for well-known types (their JSON is a string, number, …, written inline)",
      matches: {
        pointer($0, "^/components/schemas/(Timestamp|Duration|Struct|Value|ListValue|Any|Empty|FieldMask)/")
          && $0.sebuf == nil
      }),
    DeliberateDifference(
      id: "nested-name-clash",
      reason: "two messages with one simple name get package-qualified names instead of overwriting each other",
      matches: { d in
        guard pointer(d, "^/components/schemas/") || pointer(d, "/\\$ref$") else { return false }
        let component = d.segment(2) ?? ""
        if d.sebuf == nil, d.upstreamComponents.contains(component), !d.sebufComponents.contains(component) {
          return d.sebufComponents.contains { $0.hasSuffix("_" + component) }
        }
        if d.upstream == nil, !d.upstreamComponents.contains(component), d.sebufComponents.contains(component) {
          return d.upstreamComponents.contains { component.hasSuffix("_" + $0) }
        }
        guard let u = d.upstream, let s = d.sebuf, pointer(d, "/\\$ref$") else { return false }
        return s.hasSuffix("_" + (u.split(separator: "/").last ?? ""))
      }),
    DeliberateDifference(
      id: "oneof-variant-required",
      reason: "each variant of a non-flattened discriminated oneof requires its field, so exactly one matches",
      matches: { pointer($0, "/oneOf/\\d+/required/0$") && $0.upstream == nil }),
    DeliberateDifference(
      id: "sse-item-schema",
      reason:
        "SSE responses also carry OpenAPI 3.2's itemSchema (documents with a stream are 3.2.0); beside it, schema is the stream read as an array of events",
      matches: {
        pointer($0, "/text~1event-stream/itemSchema/") || ($0.pointer == "/openapi" && $0.sebuf == "\"3.2.0\"")
          || (pointer($0, "/text~1event-stream/schema/type$") && $0.sebuf == "\"array\"")
      }),
    DeliberateDifference(
      id: "base-path-only-routes",
      reason:
        "methods of a service with only base_path keep one path each (<base>/<method>) instead of overwriting one another",
      matches: { d in
        guard pointer(d, "^/paths/"), let path = d.segment(1) else { return false }
        if d.sebuf == nil, !d.sebufPaths.contains(path) { return d.sebufPaths.contains { $0.hasPrefix(path + "~1") } }
        if d.upstream == nil, !d.upstreamPaths.contains(path) {
          return d.upstreamPaths.contains { path.hasPrefix($0 + "~1") }
        }
        return false
      }),
  ]
}

@Suite(.serialized) struct OpenAPIUpstreamGoldenTests {
  static let upstreamTestdata = "internal/openapiv3/testdata"

  /// (proto, service) pairs of upstream's exhaustive golden test, read from its test file.
  static func cases(_ root: URL) throws -> [(proto: String, service: String)] {
    let test = try String(
      contentsOf: root.appendingPathComponent("internal/openapiv3/exhaustive_golden_test.go"), encoding: .utf8)
    let re = try NSRegularExpression(
      pattern: #"protoFile:\s+"testdata/proto/([a-z_]+\.proto)",\s+serviceName:\s+"(\w+)""#)
    var out: [(String, String)] = []
    for m in re.matches(in: test, range: NSRange(test.startIndex..., in: test)) {
      let pair = (String(test[Range(m.range(at: 1), in: test)!]), String(test[Range(m.range(at: 2), in: test)!]))
      if !out.contains(where: { $0 == pair }) { out.append(pair) }
    }
    return out
  }

  /// The bundle options of upstream's bundle golden test, as sebuf options.
  static func bundleOptions(_ root: URL, format: String) throws -> [(key: String, value: String)] {
    let test = try String(
      contentsOf: root.appendingPathComponent("internal/openapiv3/bundle_golden_test.go"), encoding: .utf8)
    let re = try NSRegularExpression(pattern: #"^\s+"(bundle[a-z_]*)=([^"]*)",$"#, options: [.anchorsMatchLines])
    var options: [(key: String, value: String)] = [("format", format)]
    for m in re.matches(in: test, range: NSRange(test.startIndex..., in: test)) {
      let key = String(test[Range(m.range(at: 1), in: test)!])
      var value = String(test[Range(m.range(at: 2), in: test)!])
      if key == "bundle_output" { value = "origin.openapi.\(format)" }
      options.append((key, value))
    }
    return options
  }

  @Test(.enabled(if: UpstreamMirror.present, "no mirror of upstream sebuf"))
  func documentsMatchUpstreamGoldens() throws {
    let root = try UpstreamMirror.extract(["internal/openapiv3", "internal/httpgen/testdata/proto"])
    defer { try? FileManager.default.removeItem(at: root) }
    let protos = root.appendingPathComponent(Self.upstreamTestdata + "/proto")
    let goldens = root.appendingPathComponent(Self.upstreamTestdata + "/golden")
    // (golden name, generated bytes) per format.
    var generated: [String: [(golden: String, bytes: [UInt8])]] = ["yaml": [], "json": []]
    let cases = try Self.cases(root)
    #expect(cases.count >= 25, "expected upstream's cases, found \(cases.count)")
    for format in ["yaml", "json"] {
      for (proto, service) in cases {
        let image = try TSAPIOracle.compiled(root: protos, targets: [proto])
        let files = try OpenAPIBackend().generate(
          GenerationRequest(image: image, filesToGenerate: [proto], options: [("format", format)]))
        let name = "\(service).openapi.\(format)"
        let file = try #require(files.first { $0.path == name }, "\(proto) gave no \(name)")
        generated[format]!.append((name, file.contents))
      }
      let image = try TSAPIOracle.compiled(root: protos, targets: ["multiple_services.proto"])
      let files = try OpenAPIBackend().generate(
        GenerationRequest(
          image: image, filesToGenerate: ["multiple_services.proto"],
          options: try Self.bundleOptions(root, format: format)))
      #expect(files.map(\.path) == ["origin.openapi.\(format)"])
      generated[format]!.append(("bundle_multiple_services.openapi.\(format)", files[0].contents))
    }

    var used: Set<String> = []
    var unexplained: [LeafDifference] = []
    var identical = 0
    var total = 0
    // Documents whose only differences are the error schemas' wording: their YAML must be
    // byte-identical once upstream's wording is swapped for sebuf's.
    var wordingOnly: [String: [(String, String)]] = [:]
    for (name, bytes) in generated["json"]! {
      total += 1
      let golden = try Data(contentsOf: goldens.appendingPathComponent("json/" + name))
      if Array(golden) == bytes { identical += 1 }
      let a = try JSONLeaves(golden).leaves
      let b = try JSONLeaves(Data(bytes)).leaves
      var swaps: [(String, String)] = []
      var onlyWording = true
      func keys(_ leaves: [String: String], under prefix: String) -> Set<String> {
        Set(
          leaves.keys.compactMap { k in
            k.hasPrefix(prefix) ? k.dropFirst(prefix.count).split(separator: "/").first.map(String.init) : nil
          })
      }
      let context = LeafDifference(
        document: name, pointer: "", upstreamComponents: keys(a, under: "/components/schemas/"),
        sebufComponents: keys(b, under: "/components/schemas/"), upstreamPaths: keys(a, under: "/paths/"),
        sebufPaths: keys(b, under: "/paths/"))
      for pointer in Set(a.keys).union(b.keys).sorted() where a[pointer] != b[pointer] {
        var d = context
        d.pointer = pointer
        d.upstream = a[pointer]
        d.sebuf = b[pointer]
        guard let rule = DeliberateDifference.all.first(where: { $0.matches(d) }) else {
          unexplained.append(d)
          continue
        }
        used.insert(rule.id)
        if rule.id == "error-schema-wording", let u = d.upstream, let s = d.sebuf {
          swaps.append((Self.unquote(u), Self.unquote(s)))
        } else if rule.id != "request-body-optional" {
          onlyWording = false
        }
      }
      if onlyWording { wordingOnly[String(name.dropLast(5))] = swaps }
    }
    var layoutChecked = 0
    for (name, bytes) in generated["json"]! {
      guard let swaps = wordingOnly[String(name.dropLast(5))] else { continue }
      var golden = try String(contentsOf: goldens.appendingPathComponent("json/" + name), encoding: .utf8)
      for (u, s) in swaps { golden = golden.replacingOccurrences(of: u, with: s) }
      golden = Self.withoutRequiredBodies(golden, json: true)
      layoutChecked += 1
      let same = Array(golden.utf8) == bytes
      #expect(same, "\(name): JSON layout differs from upstream's: \(Self.firstDifference(golden, bytes))")
    }
    for (name, bytes) in generated["yaml"]! {
      total += 1
      var golden = try String(contentsOf: goldens.appendingPathComponent("yaml/" + name), encoding: .utf8)
      if Array(golden.utf8) == bytes { identical += 1 }
      guard let swaps = wordingOnly[String(name.dropLast(5))] else { continue }
      for (u, s) in swaps { golden = golden.replacingOccurrences(of: u, with: s) }
      golden = Self.withoutRequiredBodies(golden, json: false)
      layoutChecked += 1
      let same = Array(golden.utf8) == bytes
      #expect(same, "\(name): YAML layout differs from upstream's: \(Self.firstDifference(golden, bytes))")
    }
    #expect(
      unexplained.isEmpty,
      "differences not listed as deliberate:\n\(unexplained.prefix(40).map(\.description).joined(separator: "\n"))")
    let unused = DeliberateDifference.all.map(\.id).filter { !used.contains($0) }
    #expect(unused.isEmpty, "deliberate differences that no longer occur (remove them): \(unused)")
    #expect(layoutChecked >= 30)
    print(
      "openapi vs upstream goldens: \(total) documents, \(identical) byte-identical, \(wordingOnly.count * 2) byte-identical once the error-schema wording and request-body requiredness are set aside, every other difference deliberate"
    )
  }

  /// Upstream's document without `required: true` on request bodies (deliberate difference
  /// "request-body-optional"), so the rest of its layout can be compared byte for byte.
  static func withoutRequiredBodies(_ text: String, json: Bool) -> String {
    let (pattern, template) =
      json
      ? (
        #"("requestBody":\{"content":\{"application/json":\{"schema":\{"\$ref":"[^"]*"\}\}\}),"required":true\}"#, "$1}"
      )
      : (#"(?m)^( +)requestBody:\n((?:\1    .*\n)*?)\1    required: true\n"#, "$1requestBody:\n$2")
    guard let re = try? NSRegularExpression(pattern: pattern) else { return text }
    return re.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
  }

  /// The first line (YAML) or 80-byte window (JSON) where two documents differ.
  static func firstDifference(_ golden: String, _ bytes: [UInt8]) -> String {
    let a = Array(golden.utf8)
    let i = (0..<min(a.count, bytes.count)).first { a[$0] != bytes[$0] } ?? min(a.count, bytes.count)
    func window(_ b: [UInt8]) -> String { String(decoding: b[max(0, i - 40)..<min(b.count, i + 40)], as: UTF8.self) }
    return "at byte \(i): upstream …\(window(a))… sebuf …\(window(bytes))…"
  }

  static func unquote(_ json: String) -> String {
    (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? String) ?? json
  }
}
