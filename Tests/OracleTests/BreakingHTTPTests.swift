// Every HTTP breaking rule's examples (the fast run is LintTests' BreakingExampleTests), each
// run against a real git repository created in the test, with protoc compiling both sides:
// the example's previous files are committed, then its current files; the
// previous version is read back with `--against .git#ref=HEAD~1` semantics (GitSnapshot),
// both sides are compiled, and the rule must report exactly the expected positions.
import Diagnostics
import Foundation
import Inputs
import Lint
import Proto
import TestSupport
import Testing

@Suite("HTTP breaking rules")
struct BreakingHTTPTests {
  static let httpRules: [RuleInfo] = BreakingCatalog.catalog.rules.filter {
    BreakingCatalog.catalog.categories(of: $0.id).contains("HTTP")
  }

  @Test func everyHTTPRuleHasExamples() {
    #expect(Self.httpRules.count >= 11)
    for r in Self.httpRules {
      #expect(!r.examples.isEmpty, "\(r.id) has no examples")
      #expect(r.id.hasPrefix("HTTP_") && r.id == r.id.uppercased())
    }
  }

  @Test(.oracle("git", "protoc"), arguments: httpRules.map(\.id))
  func examplesAgainstGitHistory(rule: String) throws {
    try OracleTools.require(["git", "protoc"])
    let info = try #require(Self.httpRules.first { $0.id == rule })
    for (n, example) in info.examples.enumerated() {
      let repo = try BreakingSupport.tempDir("http-\(rule)-\(n)")
      defer { try? FileManager.default.removeItem(at: repo) }
      try BreakingSupport.git(["init", "-q", "-b", "main"], in: repo)
      let markers = RuleExample.split(example.source).markers
      let files = { (text: String) in Dictionary(RuleExample.split(text).files.map { ($0.path, $0.text) }) { a, _ in a }
      }
      try BreakingSupport.commit(files(example.previous ?? ""), in: repo, message: "previous")
      try BreakingSupport.commit(files(example.source), in: repo, message: "current")

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
      // The module directory `proto` prefixes the display paths.
      #expect(
        Set(positions) == Set(markers.map { "proto/\($0)" }) && positions.count == example.messages.count,
        "\(rule) example \(n): \(positions) \(found.map(\.message))")
      #expect(found.map(\.message).sorted() == example.messages.sorted())
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
