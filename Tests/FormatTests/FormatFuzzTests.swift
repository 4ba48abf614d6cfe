import Foundation
import Proto
import SwiftProtobuf
import TestSupport
import Testing

@testable import Format

/// Random edits of the golden inputs: the formatter never crashes or hangs, and whatever
/// it formats is idempotent and compiles (parses) to the same descriptor as its input,
/// source info aside. Bounded (a fixed number of seeded cases) so the fast suite stays fast.
@Suite struct FormatFuzzTests {
  typealias Random = SplitMix64

  static let fragments: [String] = [
    "{", "}", "[", "]", "(", ")", "<", ">", ";", ",", "=", ":", ".", "-", "\n", " ", "\t", "//c\n", "/* b */",
    "\"s\"", "'t'", "1", "0x1F", "1.5e3", "inf", "max", "to", "option", "message", "enum", "optional",
    "repeated", "map<string, int32>", "reserved", "extensions", "group", "oneof", "returns", "stream",
    "(x).y", "[deprecated = true]", "{a: 1}", "[1, 2]",
  ]

  static func mutate(_ input: [UInt8], _ rnd: inout Random) -> [UInt8] {
    var b = input
    for _ in 0..<(1 + rnd.below(3)) {
      let at = rnd.below(b.count + 1)
      switch rnd.below(4) {
      case 0:  // delete a short range
        let n = min(b.count - at, 1 + rnd.below(6))
        if n > 0 { b.removeSubrange(at..<(at + n)) }
      case 1, 2:  // insert a fragment
        b.insert(contentsOf: Array(fragments[rnd.below(fragments.count)].utf8), at: at)
      default:  // duplicate a range elsewhere
        let n = min(b.count - at, 1 + rnd.below(20))
        if n > 0 {
          let piece = Array(b[at..<(at + n)])
          b.insert(contentsOf: piece, at: rnd.below(b.count + 1))
        }
      }
    }
    return b
  }

  @Test func randomEditsKeepMeaning() throws {
    var rnd = Random(state: 16)
    let inputs = try FormatGoldenTests.inputs.map { try FormatGoldenTests.read($0) }
    var formatted = 0
    let start = Date()
    for i in 0..<400 {
      let base = inputs[i % inputs.count]
      let mutant = Self.mutate(base, &rnd)
      let t0 = Date()
      let outcome = ProtoFormatter.format(mutant, displayPath: "fuzz.proto")
      #expect(Date().timeIntervalSince(t0) < 2, "case \(i) took too long")
      guard case .formatted(let text) = outcome else { continue }
      formatted += 1
      let again = ProtoFormatter.format(Array(text.utf8), displayPath: "fuzz.proto")
      guard case .formatted(let twice) = again else {
        Issue.record("case \(i): formatted output does not parse:\n\(text)")
        continue
      }
      #expect(twice == text, "case \(i): not idempotent")
      #expect(
        Self.meaning(mutant) == Self.meaning(Array(text.utf8)),
        "case \(i): meaning changed:\n\(String(decoding: mutant, as: UTF8.self))\n---\n\(text)")
    }
    #expect(formatted > 40, "too few mutants parse to exercise the check")
    #expect(Date().timeIntervalSince(start) < 60)
  }

  @Test func goldenInputsKeepMeaning() throws {
    for rel in FormatGoldenTests.inputs {
      let input = try FormatGoldenTests.read(rel)
      guard let out = FormatGoldenTests.format(input, rel) else { continue }
      #expect(Self.meaning(input) == Self.meaning(Array(out.utf8)), "\(rel)")
    }
  }

  /// The parsed descriptor, made independent of what formatting may legitimately change:
  /// source info, the order of imports and file options (buf sorts them), and the spacing
  /// and separators inside aggregate option text (`a {` becomes `a: {`, `,` and `;` go,
  /// `<>` become `{}`).
  static func meaning(_ bytes: [UInt8]) -> String {
    let (parsed, _) = parseProto(bytes, importPath: "fuzz.proto", displayPath: "fuzz.proto")
    var file = parsed.descriptor
    file.clearSourceCodeInfo()
    let deps = file.dependency.enumerated().map { i, d in
      "\(d)|\(file.publicDependency.contains(Int32(i)))|\(file.weakDependency.contains(Int32(i)))"
    }.sorted()
    file.dependency = deps
    file.publicDependency = []
    file.weakDependency = []
    file.options.uninterpretedOption = file.options.uninterpretedOption.sorted {
      $0.textFormatString() < $1.textFormatString()
    }
    return normalizeAggregates(file.textFormatString())
  }

  /// Aggregate values appear in the text dump as `aggregate_value: "..."`; their tokens
  /// are compared without the separators formatting adds or drops.
  static func normalizeAggregates(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard let r = line.range(of: "aggregate_value: \"") else { return String(line) }
      // Tokens on separate source lines are joined by a newline (escaped `\n` here).
      var body = ""
      var escaped = false
      for c in line[r.upperBound...].dropLast() {
        if escaped {
          body += c == "n" ? " " : "\\" + String(c)
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else {
          body.append(c)
        }
      }
      let tokens = body.split(separator: " ").compactMap { tok -> String? in
        switch tok {
        case ":", ",", ";": return nil
        case "<": return "{"
        case ">": return "}"
        default: return String(tok)
        }
      }
      return line[..<r.upperBound] + tokens.joined(separator: " ") + "\""
    }.joined(separator: "\n")
  }
}
