// Parity with real buf: replays scripts/breaking-parity/history.py (one commit per kind of
// break, every FILE/PACKAGE/WIRE_JSON/WIRE rule) and checks that sebuf reports, for each
// commit against its parent, exactly what buf 1.75 reported (recorded in expected.json by
// scripts/refresh-breaking-expectations): same path, line, column, rule and message.
import Diagnostics
import Foundation
import Lint
import Proto
import TestSupport
import Testing

@Suite("Breaking parity with buf")
struct BreakingParityTests {
  /// Rules buf 1.75 lists in PACKAGE but never reports (checked by hand: deleting an enum or
  /// an extension from a package prints nothing, even with the rule selected alone). sebuf
  /// reports them; the test checks that it does, and leaves them out of the comparison.
  static let bufNeverReports: Set<String> = ["PACKAGE_ENUM_NO_DELETE", "PACKAGE_EXTENSION_NO_DELETE"]

  /// Rules whose column differs because protoc's source info (which sebuf's compiler
  /// reproduces) places the element differently from buf's compiler: a default value spans
  /// only the value in protoc, `default = value` in buf. Compared without the column.
  static let columnFromCompiler: Set<String> = ["FIELD_SAME_DEFAULT"]

  struct Step: Decodable {
    var step: String
    var commit: String
    var use: [String]
  }

  struct Expected: Decodable {
    struct Row: Decodable {
      var path: String?
      var startLine: Int
      var startColumn: Int
      var type: String
      var message: String
      enum CodingKeys: String, CodingKey {
        case path, type, message
        case startLine = "start_line"
        case startColumn = "start_column"
      }
    }
    var steps: [String: [Row]]
  }

  @Test(.oracle("git", "protoc", "buf")) func everyStepMatchesBuf() throws {
    try OracleTools.require(["git", "protoc", "buf"])
    let root = BreakingSupport.packageRoot
    let expected = try JSONDecoder().decode(
      Expected.self,
      from: Data(contentsOf: root.appendingPathComponent("scripts/breaking-parity/expected.json")))
    let work = try BreakingSupport.tempDir("parity")
    defer { try? FileManager.default.removeItem(at: work) }
    let repo = work.appendingPathComponent("repo")
    let (code, manifestData, err) = try BreakingSupport.run(
      ["python3", root.appendingPathComponent("scripts/breaking-parity/history.py").path, repo.path])
    try #require(code == 0, "history.py failed: \(err)")
    let steps = try JSONDecoder().decode([Step].self, from: manifestData)
    #expect(
      steps.count == expected.steps.count + 1, "expected.json is stale; run scripts/refresh-breaking-expectations")

    var divergentRulesSeen = Set<String>()
    for (prev, cur) in zip(steps, steps.dropFirst()) {
      let p = work.appendingPathComponent("p-\(cur.step)")
      let c = work.appendingPathComponent("c-\(cur.step)")
      try BreakingSupport.extract(repo: repo, commit: prev.commit, to: p)
      try BreakingSupport.extract(repo: repo, commit: cur.commit, to: c)
      let previous = try BreakingSupport.protocImage(root: p, module: "proto")
      let current = try BreakingSupport.protocImage(root: c, module: "proto")
      var settings = BreakingSettings()
      settings.use = cur.use
      let result = BreakingChecker.check(current: current, previous: previous, settings: settings)
      #expect(result.errors.isEmpty)

      var ours = Set<String>()
      for d in result.violations {
        if Self.bufNeverReports.contains(d.rule ?? "") {
          divergentRulesSeen.insert(d.rule ?? "")
          continue
        }
        let path = d.span?.file == "<input>" ? "" : (d.span?.file ?? "")
        let column = Self.columnFromCompiler.contains(d.rule ?? "") ? 0 : (d.span?.start.column ?? 0)
        ours.insert("\(path):\(d.span?.start.line ?? 0):\(column):\(d.rule ?? ""):\(d.message)")
      }
      let theirs = Set(
        (expected.steps[cur.step] ?? []).map {
          "\($0.path ?? ""):\($0.startLine):\(Self.columnFromCompiler.contains($0.type) ? 0 : $0.startColumn):\($0.type):\($0.message)"
        })
      #expect(!theirs.isEmpty, "step \(cur.step) should record at least one buf finding")
      let missing = theirs.subtracting(ours).sorted()
      let extra = ours.subtracting(theirs).sorted()
      #expect(
        missing.isEmpty && extra.isEmpty,
        "step \(cur.step):\n  buf only:\n    \(missing.joined(separator: "\n    "))\n  sebuf only:\n    \(extra.joined(separator: "\n    "))"
      )
    }
    #expect(divergentRulesSeen == Self.bufNeverReports)
  }

  /// The same history through the built `sebuf` binary: the sebuf compiler on both sides,
  /// the previous commit read with `--against <repo>/.git#ref=<sha>`, JSON output.
  @Test(.oracle("git", "protoc", "buf")) func everyStepMatchesBufThroughTheCLI() throws {
    try OracleTools.require(["git", "protoc", "buf"])
    let root = BreakingSupport.packageRoot
    let sebuf = try BreakingSupport.sebufBinary()
    let expected = try JSONDecoder().decode(
      Expected.self,
      from: Data(contentsOf: root.appendingPathComponent("scripts/breaking-parity/expected.json")))
    let work = try BreakingSupport.tempDir("cli-parity")
    defer { try? FileManager.default.removeItem(at: work) }
    let repo = work.appendingPathComponent("repo")
    let (code, manifestData, err) = try BreakingSupport.run(
      ["python3", root.appendingPathComponent("scripts/breaking-parity/history.py").path, repo.path])
    try #require(code == 0, "history.py failed: \(err)")
    let steps = try JSONDecoder().decode([Step].self, from: manifestData)
    for (prev, cur) in zip(steps, steps.dropFirst()) {
      let c = work.appendingPathComponent("c-\(cur.step)")
      try BreakingSupport.extract(repo: repo, commit: cur.commit, to: c)
      let (status, out, stderr) = try BreakingSupport.run(
        [sebuf, "breaking", ".", "--against", "\(repo.path)/.git#ref=\(prev.commit)", "--error-format", "json"], cwd: c)
      #expect(status == 100, "step \(cur.step): exit \(status), stderr: \(stderr)")
      var ours = Set<String>()
      for line in String(decoding: out, as: UTF8.self).split(separator: "\n") {
        let row = try JSONDecoder().decode(Expected.Row.self, from: Data(line.utf8))
        if Self.bufNeverReports.contains(row.type) { continue }
        let column = Self.columnFromCompiler.contains(row.type) ? 0 : row.startColumn
        let path = row.path == "<input>" ? "" : (row.path ?? "")
        ours.insert("\(path):\(row.startLine):\(column):\(row.type):\(row.message)")
      }
      let theirs = Set(
        (expected.steps[cur.step] ?? []).map {
          "\($0.path ?? ""):\($0.startLine):\(Self.columnFromCompiler.contains($0.type) ? 0 : $0.startColumn):\($0.type):\($0.message)"
        })
      let missing = theirs.subtracting(ours).sorted()
      let extra = ours.subtracting(theirs).sorted()
      #expect(
        missing.isEmpty && extra.isEmpty,
        "step \(cur.step):\n  buf only:\n    \(missing.joined(separator: "\n    "))\n  sebuf only:\n    \(extra.joined(separator: "\n    "))"
      )
    }
  }
}
