import Diagnostics
import Foundation
import SwiftProtobuf
import Testing

@testable import Proto

/// Editions files (2023, 2024, 2026, with the proto2/proto3 files they import) against
/// protoc 36.2, byte for byte: Corpus/editions compiled with `protoc --include_imports
/// --include_source_info` (scripts/regen-proto-goldens) is Golden/editions/corpus.binpb.
/// EditionsOracleTests compiles the same corpus with a live protoc 36.2.
@Suite struct EditionsParityTests {
  @Test func corpusMatchesProtoc36ByteForByte() throws {
    let root = try DescriptorSupport.resource("Corpus/editions")
    let golden = try DescriptorSupport.splitSet(
      [UInt8](Data(contentsOf: try DescriptorSupport.resource("Golden/editions/corpus.binpb"))))
    #expect(golden.count >= 60)
    let (image, diags) = DescriptorSupport.compileTree(root)
    // protoc writes `-o` images without source-retention options (descriptor.proto's
    // extension declarations among them), as `sebuf build -o` does.
    let img = SourceRetention.strip(try #require(image, "compile failed: \(DescriptorSupport.lines(diags))"))
    #expect(img.files.map(\.name) == golden.map(\.name))
    let ours = Dictionary(uniqueKeysWithValues: img.files.map { ($0.name, $0) })
    var identical = 0
    for g in golden {
      let f = try #require(ours[g.name], "missing \(g.name)")
      let bytes: [UInt8] = try f.descriptor.serializedBytes()
      if bytes == g.bytes {
        identical += 1
      } else {
        Issue.record("\(g.name) differs from protoc 36.2:\n\(DescriptorSupport.textDiff(bytes, g.bytes))")
      }
    }
    #expect(identical == golden.count)
    let editions = img.files.filter { $0.descriptor.syntax == "editions" }.map(\.descriptor.edition)
    #expect(Set(editions) == [.edition2023, .edition2024, .edition2026])
  }

  @Test func warningsMatchProtoc36() throws {
    let root = try DescriptorSupport.resource("Corpus/editions")
    let (_, diags) = DescriptorSupport.compileTree(root)
    let expected = try String(contentsOf: DescriptorSupport.resource("Golden/editions/corpus.stderr"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    #expect(DescriptorSupport.lines(diags).filter { !$0.contains(" is unused.") }.sorted() == expected.sorted())
  }
}
