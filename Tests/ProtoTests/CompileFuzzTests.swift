import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Proto

/// Mutated corpus files (truncated, tokens deleted or duplicated, random bytes,
/// lines swapped between files) go through the whole compiler: it must return,
/// never crash, and every failure must be an error diagnostic with a file.
@Suite struct CompileFuzzTests {
  typealias Rng = SplitMix64

  static func corpus(_ dir: String = "Corpus/linker") throws -> [String: String] {
    let root = try DescriptorSupport.resource(dir)
    var out: [String: String] = [:]
    for rel in TargetDiscovery.protoFiles(under: root.path) {
      out[rel] = try String(contentsOf: root.appendingPathComponent(rel), encoding: .utf8)
    }
    return out
  }

  static func mutate(_ text: String, _ rng: inout Rng, donor: String) -> String {
    var bytes = Array(text.utf8)
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    switch rng.below(7) {
    case 0:  // truncate
      bytes = Array(bytes.prefix(rng.below(bytes.count + 1)))
    case 1:  // random bytes
      for _ in 0..<(1 + rng.below(8)) where !bytes.isEmpty {
        bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
      }
    case 2:  // delete a token
      guard !tokens.isEmpty else { break }
      var t = tokens
      t.remove(at: rng.below(t.count))
      bytes = Array(t.joined(separator: " ").utf8)
    case 3:  // duplicate a token
      guard !tokens.isEmpty else { break }
      var t = tokens
      let i = rng.below(t.count)
      t.insert(t[i], at: i)
      bytes = Array(t.joined(separator: " ").utf8)
    case 4:  // swap two tokens
      guard tokens.count > 1 else { break }
      var t = tokens
      t.swapAt(rng.below(t.count), rng.below(t.count))
      bytes = Array(t.joined(separator: "\n").utf8)
    case 5:  // splice a line of another file in
      let lines = donor.split(separator: "\n", omittingEmptySubsequences: false)
      var mine = text.split(separator: "\n", omittingEmptySubsequences: false)
      if let l = lines.randomElement(using: &rng.generator) {
        mine.insert(l, at: rng.below(mine.count + 1))
      }
      bytes = Array(mine.joined(separator: "\n").utf8)
    default:  // change a number
      if let i = bytes.indices.filter({ bytes[$0] >= 48 && bytes[$0] <= 57 }).randomElement(using: &rng.generator) {
        bytes[i] = [48, 49, 57, 45, 46][rng.below(5)]
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func mutatedCorpusNeverCrashes() throws {
    // The mutations must actually break files most of the time.
    #expect(try Self.mutateAndCompile(Self.corpus(), iterations: 2000) > 700)
  }

  /// The editions corpus (2023, 2024, 2026 files with features, visibility, option imports),
  /// mutated the same way: every feature check must hold on broken input too.
  @Test func mutatedEditionsCorpusNeverCrashes() throws {
    #expect(try Self.mutateAndCompile(Self.corpus("Corpus/editions"), iterations: 800) > 250)
  }

  /// Compiles `iterations` mutants of `corpus`; returns how many failed to compile.
  static func mutateAndCompile(_ corpus: [String: String], iterations: Int) -> Int {
    let names = corpus.keys.sorted()
    var rng = Rng(state: 0x5EB0F)
    var failures = 0
    for iteration in 0..<iterations {
      let victim = names[rng.below(names.count)]
      let donor = corpus[names[rng.below(names.count)]]!
      var files = corpus
      files[victim] = Self.mutate(corpus[victim]!, &rng, donor: donor)
      let (image, diags) = Compiler(resolver: InMemoryResolver(files)).compile(targets: ([victim], []))
      if image == nil {
        failures += 1
        let errors = diags.filter { $0.severity >= .error }
        #expect(!errors.isEmpty, "iteration \(iteration): no image and no error for \(victim)")
        #expect(errors.allSatisfy { $0.span != nil }, "iteration \(iteration): error without a file")
      } else {
        #expect(!diags.hasErrors, "iteration \(iteration): errors but an image")
      }
    }
    return failures
  }

  /// Seeds for `Any` expansion in option values (`[type.googleapis.com/pkg.Msg] { … }`):
  /// the corpus file that uses it, mutated as above and inside its type URLs (URL
  /// characters, slashes, percent signs, brackets and braces spliced in).
  static let anySeeds = ["anyopts/any_values.proto"]
  static let urlNoise = [
    "/", "//", "%", "%2", "%zz", "[", "]", "{", "}", ".", "..", "-", "~", "type.googleapis.com/", ":",
  ]

  @Test func anyExpansionSeedsNeverCrash() throws {
    let corpus = try Self.corpus()
    let names = corpus.keys.sorted()
    var rng = Rng(state: 0xA11_7E5)
    var failures = 0
    for iteration in 0..<300 {
      let victim = Self.anySeeds[rng.below(Self.anySeeds.count)]
      let text = try #require(corpus[victim])
      var mutated: String
      if rng.below(2) == 0 {
        mutated = Self.mutate(text, &rng, donor: corpus[names[rng.below(names.count)]]!)
      } else {
        // Splice noise right after a `[` of a type URL.
        var bytes = Array(text.utf8)
        let opens = bytes.indices.filter { bytes[$0] == UInt8(ascii: "[") }
        if let i = opens.randomElement(using: &rng.generator) {
          bytes.insert(contentsOf: Array(Self.urlNoise[rng.below(Self.urlNoise.count)].utf8), at: i + 1 + rng.below(12))
        }
        mutated = String(decoding: bytes, as: UTF8.self)
      }
      var files = corpus
      files[victim] = mutated
      let (image, diags) = Compiler(resolver: InMemoryResolver(files)).compile(targets: ([victim], []))
      if image == nil {
        failures += 1
        let errors = diags.filter { $0.severity >= .error }
        #expect(!errors.isEmpty, "iteration \(iteration): no image and no error for \(victim)")
        #expect(errors.allSatisfy { $0.span != nil }, "iteration \(iteration): error without a file")
      } else {
        #expect(!diags.hasErrors, "iteration \(iteration): errors but an image")
      }
    }
    #expect(failures > 100)
  }
}

extension CompileFuzzTests.Rng {
  /// Adapts to `RandomNumberGenerator` for `randomElement(using:)`.
  struct Adapter: RandomNumberGenerator {
    var rng: CompileFuzzTests.Rng
    mutating func next() -> UInt64 { rng.next() }
  }
  var generator: Adapter {
    get { Adapter(rng: self) }
    set { self = newValue.rng }
  }
}
