// The test corpus shared by the OpenAPI and TypeScript golden tests: the protos in
// Golden/corpus, compiled with sebuf's own compiler. The same protos built by protoc (*.pb,
// rebuilt by Golden/corpus/regen.sh) must give byte-identical output.

import Diagnostics
import Foundation
import Proto
import SwiftProtobuf

/// One golden case: an image, the files to generate for, and per-backend options.
struct CorpusCase: Sendable, CustomStringConvertible {
  var name: String
  var image: String
  var targets: [String]
  var options: [(key: String, value: String)] = []
  var description: String { name }

  static let valid: [CorpusCase] = [
    CorpusCase(name: "sse", image: "sse", targets: ["sse/v1/sse.proto"]),
    CorpusCase(name: "crud", image: "crud", targets: ["api/v1/crud.proto", "api/v1/orders.proto"]),
    CorpusCase(name: "encoding", image: "encoding", targets: ["encoding/v1/encoding.proto"]),
    CorpusCase(
      name: "crosspkg", image: "crosspkg",
      targets: ["crosspkg/common/v1/types.proto", "crosspkg/shop/v1/service.proto"]),
    CorpusCase(name: "e2e", image: "e2e", targets: ["e2e/v1/e2e.proto"]),
    CorpusCase(name: "validation", image: "validation", targets: ["validation/v1/validation.proto"]),
  ]

  static let invalid: [CorpusCase] = [
    CorpusCase(name: "invalid_path_param", image: "invalid_path_param", targets: ["path_param.proto"]),
    CorpusCase(name: "invalid_query_param", image: "invalid_query_param", targets: ["query_param.proto"]),
    CorpusCase(name: "invalid_annotations", image: "invalid_annotations", targets: ["annotations.proto"]),
  ]

  /// OpenAPI-only cases exercising the options.
  static let openAPIExtra: [CorpusCase] = [
    CorpusCase(name: "crud-json", image: "crud", targets: ["api/v1/crud.proto"], options: [("format", "json")]),
    CorpusCase(
      name: "crud-bundle", image: "crud", targets: ["api/v1/crud.proto", "api/v1/orders.proto"],
      options: [
        ("bundle", "true"), ("bundle_title", "Users, Legacy and Checks"), ("bundle_version", "2.1.0"),
        ("bundle_description", "Everything: in one document"), ("bundle_server", "https://api.example.com"),
        ("bundle_server", "http://localhost:8080"), ("bundle_contact_name", "API Team"),
        ("bundle_contact_email", "api@example.com"), ("bundle_license_name", "MIT"),
        ("bundle_license_url", "https://opensource.org/licenses/MIT"),
      ]),
    CorpusCase(
      name: "sse-bundle-only-json", image: "sse", targets: ["sse/v1/sse.proto"],
      options: [("bundle_only", "true"), ("format", "json"), ("bundle_output", "all.json")]),
  ]
}

enum Corpus {
  static let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  static let corpusRoot = goldenRoot.appendingPathComponent("corpus")

  /// The case's protos compiled by sebuf's compiler.
  static func image(_ c: CorpusCase) throws -> Image {
    let dir = corpusRoot.appendingPathComponent(c.name.hasPrefix("invalid") ? "invalid" : "protos")
    let (image, diagnostics) = compile(
      SourceSet(roots: [.init(directory: dir.path, displayPrefix: "")], targets: c.targets))
    guard let image else { throw DiagnosticError(diagnostics) }
    return image
  }

  /// The same protos as protoc built them (`protoc --include_imports --include_source_info`).
  static func protocImage(_ c: CorpusCase) throws -> Image {
    let data = try Data(contentsOf: corpusRoot.appendingPathComponent(c.image + ".pb"))
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: data)
    return Image(files: set.file.map { ImageFile(descriptor: $0, isImport: !c.targets.contains($0.name)) })
  }

  static var updating: Bool { ProcessInfo.processInfo.environment["SEBUF_UPDATE_GOLDEN"] == "1" }

  /// Compares generated files with the golden directory (the exact file set and bytes). With
  /// SEBUF_UPDATE_GOLDEN=1 it rewrites the directory and still reports a failure.
  static func compare(_ files: [(path: String, contents: [UInt8])], golden dir: URL) throws -> [String] {
    let fm = FileManager.default
    if updating {
      try? fm.removeItem(at: dir)
      for f in files {
        let url = dir.appendingPathComponent(f.path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(f.contents).write(to: url)
      }
      return ["golden files rewritten in \(dir.path); review the diff and rerun without SEBUF_UPDATE_GOLDEN"]
    }
    var problems: [String] = []
    var expected: Set<String> = []
    if let walker = fm.enumerator(at: dir, includingPropertiesForKeys: nil) {
      for case let url as URL in walker where !url.hasDirectoryPath {
        expected.insert(String(url.path.dropFirst(dir.path.count + 1)))
      }
    }
    let produced = Set(files.map(\.path))
    for missing in expected.subtracting(produced).sorted() { problems.append("not generated: \(missing)") }
    for f in files {
      guard expected.contains(f.path) else {
        problems.append("unexpected file: \(f.path)")
        continue
      }
      let want = try Data(contentsOf: dir.appendingPathComponent(f.path))
      if Array(want) != f.contents {
        problems.append("differs from golden: \(f.path)\n" + firstDifference(Array(want), f.contents))
      }
    }
    return problems
  }

  private static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    let la = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let lb = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(la.count, lb.count) {
      let x = i < la.count ? String(la[i]) : "<eof>"
      let y = i < lb.count ? String(lb[i]) : "<eof>"
      if x != y { return "line \(i + 1):\n  golden:    \(x)\n  generated: \(y)" }
    }
    return "(same lines, different bytes)"
  }
}
