import Diagnostics
import Foundation
import SwiftProtobuf
import TestSupport
import Testing

@testable import Proto

/// The compiler's descriptors against protoc 36.2's, byte for byte: the corpus in
/// Corpus/linker compiled with `protoc --include_imports --include_source_info`
/// (scripts/regen-proto-goldens) is Golden/linker/corpus.binpb.
@Suite struct DescriptorParityTests {
  @Test func corpusMatchesProtocByteForByte() throws {
    let root = try DescriptorSupport.resource("Corpus/linker")
    let golden = try DescriptorSupport.splitSet(
      [UInt8](Data(contentsOf: try DescriptorSupport.resource("Golden/linker/corpus.binpb"))))
    #expect(golden.count >= 60)
    let (image, diags) = DescriptorSupport.compileTree(root)
    // protoc -o leaves source-retention options out, as `sebuf build` does.
    let img = SourceRetention.strip(try #require(image, "compile failed: \(DescriptorSupport.lines(diags))"))

    // Same files, same (dependency) order.
    #expect(img.files.map(\.name) == golden.map(\.name))
    let ours = Dictionary(uniqueKeysWithValues: img.files.map { ($0.name, $0) })
    var identical = 0
    for g in golden {
      let f = try #require(ours[g.name], "missing \(g.name)")
      let bytes: [UInt8] = try f.descriptor.serializedBytes()
      if bytes == g.bytes {
        identical += 1
      } else {
        Issue.record("\(g.name) differs from protoc:\n\(DescriptorSupport.textDiff(bytes, g.bytes))")
      }
    }
    #expect(identical == golden.count)
  }

  @Test func importsAreMarkedAndTargetsAreTheCorpus() throws {
    let root = try DescriptorSupport.resource("Corpus/linker")
    let img = try #require(DescriptorSupport.compileTree(root).0)
    let imports = Set(img.files.filter(\.isImport).map(\.name))
    #expect(imports.contains("google/protobuf/descriptor.proto"))
    #expect(imports.contains("sebuf/http/annotations.proto"))
    #expect(img.targets.allSatisfy { !$0.name.hasPrefix("google/") && !$0.name.hasPrefix("sebuf/http/") })
    // Every file comes after the files it imports.
    var seen = Set<String>()
    for f in img.files {
      for dep in f.descriptor.dependency { #expect(seen.contains(dep), "\(f.name) before its import \(dep)") }
      seen.insert(f.name)
    }
  }

  /// protoc's warnings for the corpus (Golden/linker/corpus.stderr) are ours too;
  /// only the unused-import message quotes the path, as buf does.
  @Test func warningsMatchProtoc() throws {
    let root = try DescriptorSupport.resource("Corpus/linker")
    let (_, diags) = DescriptorSupport.compileTree(root)
    let expected = try String(contentsOf: DescriptorSupport.resource("Golden/linker/corpus.stderr"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
      .map(ProtocLines.quotingUnusedImport)
    #expect(DescriptorSupport.lines(diags).sorted() == expected.sorted())
  }

  @Test func imageRoundTripsThroughBinaryAndJSON() throws {
    let root = try DescriptorSupport.resource("Corpus/linker")
    let img = try #require(DescriptorSupport.compileTree(root).0)
    let binary = try ImageIO.decode(
      ImageIO.encode(img, format: .binary, options: .init(retainOptions: true)), format: .binary)
    let stripped = try ImageIO.decode(ImageIO.encode(img, format: .binary), format: .binary)
    #expect(stripped.files.map(\.descriptor) == SourceRetention.strip(img).files.map(\.descriptor))
    #expect(binary.files.map(\.descriptor) == img.files.map(\.descriptor))
    // JSON cannot carry custom options (unknown fields); everything else survives.
    let json = try ImageIO.decode(
      ImageIO.encode(img, format: .json, options: .init(retainOptions: true)), format: .json)
    #expect(json.files.map(\.name) == img.files.map(\.name))
    #expect(json.files.map(\.descriptor.messageType.count) == img.files.map(\.descriptor.messageType.count))
    #expect(
      json.files.map(\.descriptor.sourceCodeInfo.location.count)
        == img.files.map(\.descriptor.sourceCodeInfo.location.count))
    let slim = try ImageIO.decode(
      ImageIO.encode(img, format: .binary, options: .init(excludeSourceInfo: true, excludeImports: true)),
      format: .binary)
    #expect(slim.files.map(\.name) == img.targets.map(\.name))
    #expect(slim.files.allSatisfy { !$0.descriptor.hasSourceCodeInfo })
  }
}
