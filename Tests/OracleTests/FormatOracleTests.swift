import Basics
import Format
import Foundation
import TestSupport
import Testing

/// `buf format` (1.75) is the oracle: on every .proto file the project has (compiler
/// corpora, lint fixtures, examples, bundled protos) and on scrambled copies of them
/// (whitespace between tokens rewritten at random; comments and strings intact),
/// sebuf's output must be buf's bytes. Files sebuf's compiler rejects are not compared:
/// sebuf refuses them with a positioned error, where buf prints something back.
@Suite struct FormatOracleTests {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  static let corpus: [String] = {
    let root = packageRoot.path
    var out: [String] = []
    for dir in ["Tests/ProtoTests/Corpus", "Tests/LintTests/Fixtures", "examples", "Sources/Proto/Bundled"] {
      guard let walker = FileManager.default.enumerator(atPath: root + "/" + dir) else { continue }
      for case let rel as String in walker where rel.hasSuffix(".proto") { out.append(dir + "/" + rel) }
    }
    return out.sorted()
  }()

  /// buf's output, or nil when buf fails or its own second pass changes it: buf 1.75
  /// sorts a file option whose name has spaces inside by part of the name (and can swap
  /// repeated options), so its output is not a fixed point there. sebuf sorts by the
  /// whole name; such files are counted, not compared.
  static func bufStable(_ bytes: [UInt8], name: String) throws -> [UInt8]? {
    guard let out = try bufFormat(bytes, name: name), let again = try bufFormat(out, name: name) else {
      return nil
    }
    return again == out ? out : nil
  }

  static func bufFormat(_ bytes: [UInt8], name: String) throws -> [UInt8]? {
    let dir = try FileSystem.makeTemporaryDirectory(prefix: "format-oracle")
    defer { FileSystem.removeTree(dir) }
    let path = dir + "/" + name
    try FileSystem.writeAtomically(bytes, to: path)
    let r = try ProcessRunner.run(executable: "buf", arguments: ["format", path], timeout: 60)
    guard r.termination == .exited(0) else { return nil }
    return r.stdout
  }

  @Test func corpusIsLarge() { #expect(Self.corpus.count > 150) }

  @Test(.oracle("buf")) func everyCorpusFileMatchesBuf() throws {
    try OracleTools.require(["buf"])
    var compared = 0
    var mismatches: [String] = []
    for rel in Self.corpus {
      let bytes = try #require(FileSystem.read(Self.packageRoot.path + "/" + rel))
      guard case .formatted(let ours) = ProtoFormatter.format(bytes, displayPath: rel) else { continue }
      guard let theirs = try Self.bufStable(bytes, name: "f.proto") else { continue }
      compared += 1
      if Array(ours.utf8) != theirs {
        mismatches.append(rel + "\n" + UnifiedDiff.diff(String(decoding: theirs, as: UTF8.self), ours, path: rel))
      }
    }
    #expect(compared > 100)
    #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.joined(separator: "\n"))")
  }

  /// Deterministic whitespace scrambling (see scripts/format-scramble.py for the same idea).
  static func scramble(_ src: [UInt8], seed: UInt64) -> [UInt8] {
    var rnd = FormatRandom(state: seed)
    let punct = Set("{}[]()<>;,=:".utf8)
    var out: [UInt8] = []
    var i = 0
    var prevKind: UInt8 = 0  // 0 none, 1 punct, 2 word/string, 3 line comment, 4 block comment
    while i < src.count {
      let c = src[i]
      if c == 32 || c == 9 || c == 13 || c == 10 {
        var j = i
        var newlines = 0
        while j < src.count, src[j] == 32 || src[j] == 9 || src[j] == 13 || src[j] == 10 {
          if src[j] == 10 { newlines += 1 }
          j += 1
        }
        let next: UInt8 = j < src.count ? (punct.contains(src[j]) ? 1 : 2) : 0
        if newlines > 0 || prevKind == 3 {
          out += Array(repeating: 10, count: 1 + rnd.below(2))
          out += Array([[], [32], [32, 32], [9]][rnd.below(4)])
        } else if (prevKind == 1 || next == 1) && rnd.below(3) == 0 {
          // nothing: punctuation needs no space
        } else {
          out += [[32], [32, 32], [9], [10], [32, 10, 32]][rnd.below(5)]
        }
        i = j
        continue
      }
      if c == UInt8(ascii: "/"), i + 1 < src.count, src[i + 1] == UInt8(ascii: "/") {
        while i < src.count, src[i] != 10 {
          out.append(src[i])
          i += 1
        }
        prevKind = 3
        continue
      }
      if c == UInt8(ascii: "/"), i + 1 < src.count, src[i + 1] == UInt8(ascii: "*") {
        var j = i + 2
        while j + 1 < src.count, !(src[j] == UInt8(ascii: "*") && src[j + 1] == UInt8(ascii: "/")) { j += 1 }
        j = min(src.count, j + 2)
        out += src[i..<j]
        i = j
        prevKind = 4
        continue
      }
      if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        var j = i + 1
        while j < src.count, src[j] != c, src[j] != 10 { j += src[j] == UInt8(ascii: "\\") ? 2 : 1 }
        j = min(src.count, j + 1)
        out += src[i..<j]
        i = j
        prevKind = 2
        continue
      }
      if punct.contains(c) {
        // Sometimes add space around punctuation that had none.
        if prevKind != 3 && prevKind != 0 && rnd.below(4) == 0 { out.append(rnd.below(3) == 0 ? 10 : 32) }
        out.append(c)
        i += 1
        prevKind = 1
        continue
      }
      out.append(c)
      i += 1
      prevKind = 2
    }
    return out
  }

  @Test(.oracle("buf"), arguments: [UInt64(1), 2, 3])
  func scrambledCorpusMatchesBuf(_ seed: UInt64) throws {
    try OracleTools.require(["buf"])
    var compared = 0
    var mismatches: [String] = []
    for rel in Self.corpus where !rel.hasPrefix("Sources/Proto/Bundled") {
      let original = try #require(FileSystem.read(Self.packageRoot.path + "/" + rel))
      guard case .formatted = ProtoFormatter.format(original, displayPath: rel) else { continue }
      let scrambled = Self.scramble(original, seed: seed)
      guard case .formatted(let ours) = ProtoFormatter.format(scrambled, displayPath: rel) else {
        mismatches.append("\(rel): the scrambled copy no longer parses")
        continue
      }
      guard let theirs = try Self.bufStable(scrambled, name: "s.proto") else { continue }
      compared += 1
      if Array(ours.utf8) != theirs {
        mismatches.append(rel + "\n" + UnifiedDiff.diff(String(decoding: theirs, as: UTF8.self), ours, path: rel))
      }
    }
    #expect(compared > 80)
    #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.joined(separator: "\n"))")
  }
}

typealias FormatRandom = SplitMix64
