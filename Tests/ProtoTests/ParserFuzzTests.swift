import Foundation
import Proto
import TestSupport
import Testing

/// Random byte mutations of valid files: the parser must return (no trap, no hang) on
/// every one, and report an error position inside the file.
@Suite struct ParserFuzzTests {
  typealias RNG = SplitMix64

  /// The parser corpus, then the editions corpus (edition statements, features, visibility,
  /// option imports, reserved identifiers).
  static let seeds: [[UInt8]] = ["Corpus/parser", "Corpus/editions"].flatMap { sub -> [[UInt8]] in
    let dir = Bundle.module.resourceURL!.appendingPathComponent(sub)
    return TargetDiscovery.protoFiles(under: dir.path).sorted().compactMap {
      try? [UInt8](Data(contentsOf: dir.appendingPathComponent($0)))
    }.filter { !$0.isEmpty }
  }

  /// Interesting bytes: syntax, quotes, escapes, comment openers, NUL, control and non-ASCII.
  static let alphabet: [UInt8] = Array("{}[]()<>;,.=-/*\"'\\\n\t 0xeE9aZ_".utf8) + [0, 1, 0x7F, 0xC3, 0xEF, 0xFF]

  @Test func mutatedInputsNeverTrapOrHang() {
    #expect(Self.seeds.count >= 5)
    // SEBUF_FUZZ_ITERATIONS / SEBUF_FUZZ_SEED widen a local run.
    let env = ProcessInfo.processInfo.environment
    let iterations = Int(env["SEBUF_FUZZ_ITERATIONS"] ?? "") ?? 3000
    var rng = RNG(state: UInt64(env["SEBUF_FUZZ_SEED"] ?? "") ?? 0x5EB0F)
    var withErrors = 0
    for i in 0..<iterations {
      var bytes = Self.seeds[i % Self.seeds.count]
      for _ in 0..<(1 + rng.below(6)) {
        let at = rng.below(bytes.count + 1)
        switch rng.below(5) {
        case 0: if at < bytes.count { bytes.remove(at: at) }
        case 1: bytes.insert(Self.alphabet[rng.below(Self.alphabet.count)], at: at)
        case 2: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
        case 3:  // duplicate a slice
          let len = rng.below(40)
          let s = min(at, bytes.count)
          bytes.insert(contentsOf: bytes[s..<min(bytes.count, s + len)], at: rng.below(bytes.count + 1))
        default: bytes = Array(bytes.prefix(at))  // truncate
        }
      }
      let (parsed, diags) = parseProto(bytes, importPath: "f.proto", displayPath: "f.proto")
      if !diags.isEmpty { withErrors += 1 }
      let lines = parsed.lineTable.lineStarts.count
      for d in diags {
        guard let span = d.span else {
          Issue.record("diagnostic without a span: \(d.message)")
          continue
        }
        #expect(span.start.line >= 1 && span.start.line <= lines)
        #expect(span.start.offset >= 0 && span.start.offset <= bytes.count)
      }
    }
    #expect(withErrors > iterations / 3)
  }

  @Test func randomBytesNeverTrapOrHang() {
    var rng = RNG(state: 42)
    for _ in 0..<1000 {
      let n = rng.below(300)
      var bytes: [UInt8] = []
      for _ in 0..<n {
        bytes.append(
          rng.below(3) == 0 ? Self.alphabet[rng.below(Self.alphabet.count)] : UInt8(truncatingIfNeeded: rng.next()))
      }
      _ = parseProto(bytes, importPath: "r.proto", displayPath: "r.proto")
    }
  }

  @Test func deepNestingDoesNotOverflow() {
    func nested(_ n: Int) -> [UInt8] {
      Array((String(repeating: "message M { ", count: n) + String(repeating: "} ", count: n)).utf8)
    }
    #expect(parseProto(nested(100), importPath: "d.proto", displayPath: "d.proto").1.isEmpty)
    // The deepest accepted nesting fits a 1 MiB secondary-thread stack even in a debug build
    // (editions and protoc 36.2's parser checks made each level's frame larger; a release
    // build's frames are several times smaller, and the compiler parses on threads with the
    // platform's default stack, 8 MiB on Linux).
    let done = DispatchSemaphore(value: 0)
    let deepest = nested(100)
    let thread = Thread {
      _ = parseProto(deepest, importPath: "d.proto", displayPath: "d.proto")
      done.signal()
    }
    thread.stackSize = 1024 * 1024
    thread.start()
    done.wait()
    let (_, d) = parseProto(nested(100_000), importPath: "d.proto", displayPath: "d.proto")
    #expect(d.first?.message == "Messages are nested too deeply (more than 100 levels).")
    let braces = String(repeating: "{", count: 100_000)
    _ = parseProto(Array(("option (a) = " + braces).utf8), importPath: "b.proto", displayPath: "b.proto")
    _ = parseProto(Array(("message M { foo " + braces).utf8), importPath: "c.proto", displayPath: "c.proto")
  }
}
