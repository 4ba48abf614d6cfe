import Foundation
import Proto
import Testing

@testable import Format

/// The committed goldens (inputs → `buf format` output, made by scripts/regen-format-goldens):
/// sebuf's output must be the same bytes, and formatting the golden again changes nothing.
@Suite struct FormatGoldenTests {
  static var goldens: URL { Bundle.module.resourceURL!.appendingPathComponent("Goldens") }

  /// Every input next to its golden, as paths relative to Goldens.
  static let inputs: [String] = {
    let root = goldens
    let walker = FileManager.default.enumerator(atPath: root.path)!
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".proto") }.sorted()
  }()

  static func read(_ rel: String) throws -> [UInt8] {
    Array(try Data(contentsOf: goldens.appendingPathComponent(rel)))
  }

  static func format(_ bytes: [UInt8], _ name: String) -> String? {
    if case .formatted(let text) = ProtoFormatter.format(bytes, displayPath: name) { return text }
    return nil
  }

  @Test func thereAreGoldens() {
    #expect(Self.inputs.count >= 25)
    #expect(Self.inputs.contains { $0.hasPrefix("scrambled/") })
  }

  @Test(arguments: inputs) func matchesBuf(_ rel: String) throws {
    let input = try Self.read(rel)
    let golden = String(decoding: try Self.read(String(rel.dropLast(".proto".count)) + ".golden"), as: UTF8.self)
    let out = try #require(Self.format(input, rel))
    #expect(out == golden, "\(rel):\n\(UnifiedDiff.diff(golden, out, path: rel))")
  }

  @Test(arguments: inputs) func idempotent(_ rel: String) throws {
    let once = try #require(Self.format(try Self.read(rel), rel))
    let twice = try #require(Self.format(Array(once.utf8), rel))
    #expect(once == twice)
  }
}
