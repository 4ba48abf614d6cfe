import Diagnostics
import Foundation
import Proto
import TestSupport
import Testing

/// `features.enforce_naming_style` against a live protoc 36.2 on generated files: names
/// glued from pieces at the edges of each rule (`_`, `__`, digits, capitals, `has_`,
/// `_value`, `descriptor`…), STYLE2024 / STYLE2026 / STYLE_LEGACY set at random levels,
/// editions 2023, 2024 and 2026. Each file's diagnostics must be protoc's, line for line.
/// (The hand-written cases are in Invalid/editions and Corpus/editions/ed/naming.)
@Suite struct NamingStyleOracleTests {
  @Test(.oracle(OracleTools.protoc36)) func generatedFilesReportWhatProtoc36Reports() throws {
    try OracleTools.require([OracleTools.protoc36])
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-naming-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var rng = SplitMix64(state: 0x6E61_6D69_6E67)
    var failing = 0
    for k in 0..<120 {
      let name = "n\(k).proto"
      var generator = NamingFileGenerator(rng: &rng)
      try Data(generator.file(k).utf8).write(to: dir.appendingPathComponent(name))
      let (_, stderr) = try EditionsOracleTests().run(["-I", "."], files: [name], in: dir.path)
      let (_, diags) = compile(SourceSet(roots: [.init(directory: dir.path, displayPrefix: "")], targets: [name]))
      let ours = diags.normalized().map(EditionsOracleTests.line).sorted()
      let theirs = stderr.split(separator: "\n").map(String.init).sorted()
      if !theirs.isEmpty { failing += 1 }
      #expect(
        ours == theirs,
        "\(name):\n\((try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? "")")
    }
    // Most generated files break some rule; the few that do not check the accepting side.
    #expect(failing > 60)
  }
}

/// One random editions file whose names and naming-style features are drawn from `rng`.
/// Names are unique in the file (case-insensitively), so the only errors are about style,
/// collisions, JSON names and features.
struct NamingFileGenerator {
  var rng: SplitMix64
  var used = Set<String>()
  var number: Int32 = 1

  init(rng: inout SplitMix64) { self.rng = SplitMix64(state: rng.next()) }

  static let pieces = [
    "a", "b", "x", "foo", "Foo", "FOO", "has_", "get_", "set_", "clear_", "_value", "_", "__", "1", "2", "_1", "A", "B",
    "descriptor", "value", "Bar", "bar",
  ]
  static let styles = ["STYLE2024", "STYLE_LEGACY", "STYLE2026"]
  static let keywords: Set<String> = [
    "option", "message", "enum", "oneof", "map", "group", "extend", "service", "rpc", "returns", "reserved",
    "extensions", "to", "max", "syntax", "edition", "package", "import", "public", "weak", "optional", "required",
    "repeated", "stream", "export", "local", "true", "false", "inf", "nan",
  ]

  mutating func pick<T>(_ xs: [T]) -> T { xs[rng.below(xs.count)] }
  mutating func chance(_ percent: Int) -> Bool { rng.below(100) < percent }

  mutating func name() -> String {
    var s = ""
    repeat {
      s = (0..<(1 + rng.below(3))).map { _ in pick(Self.pieces) }.joined()
    } while s.first!.isNumber
    var candidate = s
    var i = 0
    while used.contains(candidate.lowercased()) || Self.keywords.contains(candidate) {
      i += 1
      candidate = s + "Q\(i)"
    }
    used.insert(candidate.lowercased())
    return candidate
  }

  /// ` [features.enforce_naming_style = …]` one time in five.
  mutating func fieldOption() -> String {
    chance(20) ? " [features.enforce_naming_style = \(pick(Self.styles))]" : ""
  }

  mutating func optionStatement() -> String {
    chance(20) ? "option features.enforce_naming_style = \(pick(Self.styles)); " : ""
  }

  mutating func nextNumber() -> Int32 {
    defer { number += 1 }
    return number
  }

  mutating func message(depth: Int, names: inout [String]) -> String {
    let m = name()
    names.append(m)
    var body = optionStatement()
    for _ in 0..<rng.below(6) { body += "int32 \(name()) = \(nextNumber())\(fieldOption()); " }
    if chance(40) {
      let o = name()
      let inner = optionStatement()
      body += "oneof \(o) { \(inner)int32 \(name()) = \(nextNumber())\(fieldOption()); } "
    }
    if chance(30) {
      let e = name()
      let values = (0..<(1 + rng.below(3))).map { i in "\(name()) = \(i)\(fieldOption());" }.joined(separator: " ")
      body += "enum \(e) { \(values) } "
    }
    if depth < 2 && chance(40) { body += message(depth: depth + 1, names: &names) + " " }
    body += "extensions 1000 to 2000;"
    return "message \(m) { \(body) }"
  }

  mutating func file(_ k: Int) -> String {
    let edition = pick(["2023", "2024", "2024", "2026", "2026"])
    var lines = ["edition = \"\(edition)\";"]
    let package = chance(50) ? "p\(k).\((0..<(1 + rng.below(2))).map { _ in name() }.joined(separator: "."))" : "p\(k)"
    lines.append("package \(package);")
    if chance(30) || (edition == "2023" && chance(50)) {
      lines.append("option features.enforce_naming_style = \(pick(Self.styles));")
    }
    var messages: [String] = []
    for _ in 0..<(1 + rng.below(3)) { lines.append(message(depth: 0, names: &messages)) }
    if chance(50) {
      lines.append("extend \(pick(messages)) { int32 \(name()) = 1000\(fieldOption()); }")
    }
    if chance(40) {
      let s = name()
      let inner = optionStatement()
      lines.append("service \(s) { \(inner)rpc \(name())(\(messages[0])) returns (\(messages[0])); }")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
