// Every breaking rule's examples, run fast: the previous and current schemas compiled with
// sebuf's own compiler, the rule run alone, and its findings compared with the example's
// `↓` markers (positions) and messages (buf's exact text for buf's rules). The parity
// tests in OracleTests compare the same rules with real buf over a git history.
import Diagnostics
import Proto
import Testing

@testable import Lint

@Suite struct BreakingExampleTests {
  static let rules: [String] = BreakingCatalog.catalog.rules.map(\.id)

  @Test(arguments: rules)
  func examples(_ id: String) throws {
    let info = try #require(BreakingCatalog.catalog.rule(id))
    var settings = BreakingSettings()
    settings.use = [id]
    for (n, example) in info.examples.enumerated() {
      let previousText = try #require(example.previous, "\(id) example \(n) has no previous schema")
      let (previousFiles, previousMarkers) = ExampleCompiler.split(previousText)
      #expect(previousMarkers.isEmpty, "\(id) example \(n): markers belong in the current schema")
      let (files, markers) = ExampleCompiler.split(example.source)
      let previous = try ExampleCompiler.compile(previousFiles)
      let current = try ExampleCompiler.compile(files)

      let result = BreakingChecker.check(current: current, previous: previous, settings: settings)
      #expect(result.errors.isEmpty, "\(id): \(result.errors.map(\.message))")
      let found = result.violations
      let rendered = found.map {
        "\($0.span.map { "\($0.file):\($0.start.line):\($0.start.column)" } ?? "?") \($0.message)"
      }
      // Findings without a place in the current schema (buf's `<input>`) have no marker.
      let at = Set(
        found.compactMap { d -> ExampleCompiler.Marker? in
          guard let s = d.span, !s.isInput else { return nil }
          return ExampleCompiler.Marker(file: s.file, line: s.start.line, column: s.start.column)
        })
      #expect(
        at == markers,
        "\(id) example \(n): expected \(markers.sorted { $0.description < $1.description }), got \(rendered)")
      #expect(
        found.map(\.message).sorted() == example.messages.sorted(),
        "\(id) example \(n): expected \(example.messages), got \(rendered)")
      #expect(found.allSatisfy { $0.rule == id })

      // No change, no finding.
      let same = BreakingChecker.check(current: current, previous: current, settings: settings).violations
      #expect(same.isEmpty, "\(id) example \(n) reports an unchanged schema: \(same.map(\.message))")
    }
  }
}

/// Every rule of both catalogs is documented by examples in the one format: lint rules
/// with a schema they accept and one they reject, breaking rules with at least one change
/// they report.
@Suite struct RuleCatalogExampleTests {
  @Test func everyLintRuleHasExamples() {
    for r in LintCatalog.catalog.rules {
      #expect(!r.good.isEmpty, "\(r.id) has no good example")
      #expect(!r.bad.isEmpty, "\(r.id) has no bad example")
      #expect(r.examples.allSatisfy { $0.previous == nil }, "\(r.id): lint examples have no previous schema")
    }
  }

  @Test func everyBreakingRuleHasExamples() {
    #expect(BreakingCatalog.catalog.rules.count == 75)
    for r in BreakingCatalog.catalog.rules {
      #expect(!r.bad.isEmpty, "\(r.id) has no example of a change it reports")
      #expect(r.examples.allSatisfy { $0.previous != nil }, "\(r.id): breaking examples need a previous schema")
      #expect(r.bad.allSatisfy { !$0.messages.isEmpty }, "\(r.id): breaking examples give the expected messages")
    }
  }

  @Test func everyRuleNamesKnownCategoriesInTableOrder() {
    for catalog in [LintCatalog.catalog, BreakingCatalog.catalog] {
      let table = catalog.categories.map(\.id)
      for r in catalog.rules {
        #expect(r.categories.allSatisfy(table.contains), "\(r.id) names a category outside the \(catalog.kind) table")
        #expect(r.categories == catalog.categories(of: r.id), "\(r.id): categories out of table order")
      }
    }
  }

  @Test func bothKindsShareOneCatalogType() {
    // One selection procedure: the same id spelled any way, categories expanded, the same
    // "did you mean" for typos.
    #expect(LintCatalog.catalog.expand("field-lower-snake-case") == ["FIELD_LOWER_SNAKE_CASE"])
    #expect(BreakingCatalog.catalog.expand("field-no-delete") == ["FIELD_NO_DELETE"])
    #expect(BreakingCatalog.catalog.expand("wire").count == 15)
    #expect(
      BreakingCatalog.catalog.unknownIDMessage("FIELD_NO_DELTE")
        == "\"FIELD_NO_DELTE\" is not a known breaking rule or category ID; did you mean \"FIELD_NO_DELETE\"?")
    #expect(
      BreakingCatalog.catalog.unknownIDMessage("NOTHING_LIKE_ANY_ID_AT_ALL_REALLY")
        == "\"NOTHING_LIKE_ANY_ID_AT_ALL_REALLY\" is not a known breaking rule or category ID; run `sebuf breaking --list-rules` to see them"
    )
  }
}
