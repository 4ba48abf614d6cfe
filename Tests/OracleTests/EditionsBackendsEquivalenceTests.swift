// Editions files mean to every backend what their proto2/proto3 equivalents mean: field
// presence (IMPLICIT, EXPLICIT, LEGACY_REQUIRED), closed enums and DELIMITED message fields.
// Each pair under Tests/BackendsTests/Fixtures/editions-equivalence holds an editions file
// (`editions/`) and the proto2 or proto3 file it is equivalent to (`legacy/`), at the same
// import path; both are compiled by protoc 36.2 and every native backend must generate the
// same files, byte for byte.
import Backends
import Foundation
import Proto
import SwiftProtobuf
import TestSupport
import Testing

@Suite("Editions files generate what their proto2/proto3 equivalents generate")
struct EditionsBackendsEquivalenceTests {
  static let fixtures = BreakingSupport.packageRoot.appendingPathComponent(
    "Tests/BackendsTests/Fixtures/editions-equivalence")
  static let pairs = ["proto2", "proto3"]
  static let backends: [any Backend] = [
    GoHTTPBackend(), GoClientBackend(), TSClientBackend(), TSServerBackend(), OpenAPIBackend(), PyClientBackend(),
  ]

  /// TypeScript members the editions file must produce: optional exactly where presence is
  /// explicit, required fields and implicit-presence scalars plain, `nullable` accepted.
  static let expectedMembers: [String: (file: String, members: [String])] = [
    "proto3": (
      "shop/v1/shop.ts", ["  title: string;", "  priceCents?: number;", "  note: string | null;", "  kind: Kind;"]
    ),
    "proto2": (
      "legacy/v1/orders.ts",
      ["  id: string;", "  customer?: string;", "  memo: string | null;", "  address?: OrderAddress;"]
    ),
  ]

  /// The module at `dir` compiled by protoc 36.2 with the bundled sebuf annotations.
  static func image(_ dir: URL) throws -> (Image, [String]) {
    let files = BreakingSupport.protoFiles(in: dir)
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("equiv-\(UUID().uuidString).binpb")
    defer { try? FileManager.default.removeItem(at: out) }
    let (code, _, err) = try BreakingSupport.run(
      [
        OracleTools.protoc36, "-I", dir.path, "-I", BreakingSupport.bundledProtos, "--include_imports",
        "--include_source_info", "-o", out.path,
      ] + files)
    guard code == 0 else { throw BreakingSupport.ToolError(message: "protoc 36.2 failed: \(err)") }
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: try Data(contentsOf: out))
    let targets = Set(files)
    return (Image(files: set.file.map { ImageFile(descriptor: $0, isImport: !targets.contains($0.name)) }), files)
  }

  static func generate(_ backend: any Backend, _ image: Image, _ files: [String]) throws -> [String: String] {
    let out = try backend.generate(GenerationRequest(image: image, filesToGenerate: files))
    return Dictionary(out.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }) { a, _ in a }
  }

  /// The first line where two texts differ, for a readable failure.
  static func firstDifference(_ a: String, _ b: String) -> String {
    let x = a.split(separator: "\n", omittingEmptySubsequences: false)
    let y = b.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
      return
        "line \(i + 1):\n  editions: \(i < x.count ? String(x[i]) : "<end>")\n  legacy:   \(i < y.count ? String(y[i]) : "<end>")"
    }
    return "identical"
  }

  @Test(.oracle(OracleTools.protoc36), arguments: pairs)
  func everyBackendGeneratesTheSameFiles(_ pair: String) throws {
    try OracleTools.require([OracleTools.protoc36])
    let (editions, editionsFiles) = try Self.image(Self.fixtures.appendingPathComponent("\(pair)/editions"))
    let (legacy, legacyFiles) = try Self.image(Self.fixtures.appendingPathComponent("\(pair)/legacy"))
    #expect(editionsFiles == legacyFiles)
    #expect(editions.files.contains { !$0.isImport && $0.descriptor.syntax == "editions" })
    let ts = try Self.generate(TSClientBackend(), editions, editionsFiles)
    let (file, members) = try #require(Self.expectedMembers[pair])
    let types = try #require(ts[file], "ts-client wrote \(ts.keys.sorted())")
    for member in members { #expect(types.contains(member + "\n"), "\(file) lacks `\(member)`") }
    for backend in Self.backends {
      let ours = try Self.generate(backend, editions, editionsFiles)
      let theirs = try Self.generate(backend, legacy, legacyFiles)
      #expect(!ours.isEmpty, "\(backend.name) generated nothing for \(pair)")
      #expect(ours.keys.sorted() == theirs.keys.sorted(), "\(backend.name) (\(pair)): different files")
      for (path, text) in ours.sorted(by: { $0.key < $1.key }) {
        guard let other = theirs[path] else { continue }
        #expect(text == other, "\(backend.name) (\(pair)) \(path): \(Self.firstDifference(text, other))")
      }
    }
  }
}
