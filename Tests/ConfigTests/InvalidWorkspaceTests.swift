import Config
import Diagnostics
import Testing

/// Every directory under Fixtures/invalid is a workspace whose config is wrong; loading it
/// must fail with exactly the diagnostics in its expected.txt (`file:line:col:message`).
@Suite struct InvalidWorkspaceTests {
  @Test func thereAreAtLeastThirtyInvalidFixtures() {
    #expect(Fixtures.invalidCases().count >= 30)
    #expect(Fixtures.invalidCases().filter { $0.hasPrefix("buf-") }.count >= 10)
  }

  @Test(arguments: Fixtures.invalidCases())
  func reportsExactPositionedErrors(_ name: String) {
    let dir = Fixtures.path("invalid/\(name)")
    let expected = Fixtures.read(dir + "/expected.txt")
    #expect(!expected.isEmpty, "fixture \(name) has no expected.txt")
    let actual = Fixtures.loadErrors(dir)
    #expect(actual == expected, "fixture \(name)")
    // Every line names the config file with a line and column.
    for line in actual.split(separator: "\n") {
      let parts = line.split(separator: ":", maxSplits: 3)
      #expect(parts.count == 4 && Int(parts[1]) != nil && Int(parts[2]) != nil, "\(name): \(line)")
    }
  }

  /// Fixtures whose only problems are generation settings (buf.gen.yaml, `generate:`, `managed:`).
  static let generationOnly = Fixtures.invalidCases().filter {
    $0.hasPrefix("buf-gen-") || $0.hasPrefix("generate-") || $0.hasPrefix("managed-")
  }

  /// lint, build, breaking and ls-files read the checks scope: a bad generation setting never
  /// fails them (buf reads buf.gen.yaml only in generate).
  @Test(arguments: generationOnly)
  func generationProblemsDoNotFailTheChecksScope(_ name: String) {
    let dir = Fixtures.path("invalid/\(name)")
    #expect(!Fixtures.loadErrors(dir).isEmpty, "fixture \(name) must fail when generating")
    #expect(Fixtures.loadErrors(dir, scope: .checks) == "", "fixture \(name)")
  }

  @Test func theChecksScopeLeavesGenerationEmpty() throws {
    let ws = try Workspace.load(directory: Fixtures.path("valid/full"), configFile: nil, scope: .checks)
    #expect(ws.generate.isEmpty)
    #expect(!ws.managed.enabled)
    let buf = try Workspace.load(directory: Fixtures.path("valid/buf"), configFile: nil, scope: .checks)
    #expect(buf.generate.isEmpty)
    #expect(buf.kind == .buf)
  }

  @Test func diagnosticsAreConfigErrors() throws {
    do {
      _ = try Workspace.load(directory: Fixtures.path("invalid/many-errors"), configFile: nil, scope: .generation)
      Issue.record("expected an error")
    } catch let e as DiagnosticError {
      #expect(e.diagnostics.count == 5)
      #expect(e.diagnostics.allSatisfy { $0.severity == .error && $0.rule == "CONFIG" })
    }
  }
}
