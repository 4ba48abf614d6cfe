// Every HTTP breaking rule's examples, each run against a real git repository created in
// the test: the example's previous files are committed, then its current files; the
// previous version is read back with `--against .git#ref=HEAD~1` semantics (GitSnapshot),
// both sides are compiled, and the rule must report exactly the expected positions.
import Diagnostics
import Foundation
import Inputs
import Lint
import Proto
import Testing

@Suite("HTTP breaking rules")
struct BreakingHTTPTests {
  static let httpRules = BreakingCatalog.rules.filter { $0.categories.contains("HTTP") }

  @Test func everyHTTPRuleHasExamples() {
    #expect(Self.httpRules.count >= 11)
    for r in Self.httpRules {
      #expect(!r.info.examples.isEmpty, "\(r.info.id) has no examples")
      #expect(r.info.id.hasPrefix("HTTP_") && r.info.id == r.info.id.uppercased())
    }
  }

  @Test(arguments: httpRules.map(\.info.id))
  func examplesAgainstGitHistory(rule: String) throws {
    if BreakingSupport.skipOracles {
      print("skipping \(rule): SEBUF_SKIP_ORACLES=1")
      return
    }
    let info = try #require(Self.httpRules.first { $0.info.id == rule }).info
    for (n, example) in info.examples.enumerated() {
      let repo = try BreakingSupport.tempDir("http-\(rule)-\(n)")
      defer { try? FileManager.default.removeItem(at: repo) }
      try BreakingSupport.git(["init", "-q", "-b", "main"], in: repo)
      try BreakingSupport.commit(example.previous, in: repo, message: "previous")
      try BreakingSupport.commit(example.current, in: repo, message: "current")

      let snapshot = try GitSnapshot.extract(
        repository: repo.appendingPathComponent(".git").path, ref: .ref("HEAD~1"), subdir: nil)
      defer { try? FileManager.default.removeItem(atPath: snapshot.root) }
      let includes = [BreakingSupport.bundledProtos]
      let previous = try BreakingSupport.protocImage(
        root: URL(fileURLWithPath: snapshot.directory), module: "proto", includes: includes)
      let current = try BreakingSupport.protocImage(root: repo, module: "proto", includes: includes)

      var settings = BreakingSettings()
      settings.use = [rule]
      let found = BreakingChecker.check(current: current, previous: previous, settings: settings).violations
      let positions = found.map { "\($0.span?.file ?? ""):\($0.span?.start.line ?? 0):\($0.span?.start.column ?? 0)" }
      #expect(positions == example.expected, "\(rule) example \(n): \(found.map(\.message))")
      for d in found {
        #expect(d.rule == rule)
        #expect(d.message.contains(":"), "message should say what clients see: \(d.message)")
      }

      // No change, no finding; and a comment on the changed element accepts the break.
      let same = BreakingChecker.check(current: current, previous: current, settings: settings).violations
      #expect(same.isEmpty, "\(rule) example \(n) reports an unchanged schema")
    }
  }
}
