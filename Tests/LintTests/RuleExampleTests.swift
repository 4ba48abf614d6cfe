import Diagnostics
import Testing

@testable import Lint

/// Every rule's good examples pass and its bad examples fail at exactly the `↓` markers.
@Suite struct RuleExampleTests {
  static let rules: [String] = LintCatalog.ruleTypes.map { $0.info.id }

  @Test(arguments: rules)
  func examples(_ id: String) throws {
    let info = try #require(LintCatalog.catalog.rule(id))
    let settings = LintSettings(rules: [id])
    for example in info.examples {
      #expect(example.previous == nil, "\(id): a lint example has no previous schema")
      let (files, markers) = ExampleCompiler.split(example.source)
      let found = Linter.lint(try ExampleCompiler.compile(files), settings: settings)
      if example.isGood {
        #expect(found.isEmpty, "good example of \(id) reported: \(found.map(\.message))")
        continue
      }
      #expect(!markers.isEmpty, "bad example of \(id) has no ↓ marker")
      let at = Set(
        found.map {
          ExampleCompiler.Marker(file: $0.span!.file, line: $0.span!.start.line, column: $0.span!.start.column)
        })
      #expect(
        at == markers,
        "\(id): expected \(markers.sorted { $0.description < $1.description }), got \(found.map { "\($0.span!.file):\($0.span!.start.line):\($0.span!.start.column) \($0.message)" })"
      )
      if !example.messages.isEmpty {
        #expect(found.map(\.message).sorted() == example.messages.sorted(), "\(id): messages")
      }
    }
  }
}

/// The catalog's invariants: ids unique and UPPER_SNAKE, every rule in a category and
/// documented by examples, every category non-empty.
@Suite struct LintCatalogTests {
  @Test func idsUniqueAndUpperSnake() {
    let ids = LintCatalog.ruleTypes.map { $0.info.id }
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(id == RuleID.normalize(id) && !id.contains("__") && id.first != "_", "\(id)")
      #expect(id.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }, "\(id)")
    }
  }

  @Test func everyRuleCategorisedAndDocumented() {
    let categorised = Set(LintCatalog.catalog.categories.flatMap(\.ruleIDs))
    for t in LintCatalog.ruleTypes {
      let info = t.info
      #expect(!info.purpose.isEmpty)
      #expect(!info.good.isEmpty, "\(info.id) has no good example")
      #expect(!info.bad.isEmpty, "\(info.id) has no bad example")
      // Off-by-default rules outside any category are buf's: IMPORT_NO_WEAK (deprecated)
      // and STABLE_PACKAGE_NO_IMPORT_UNSTABLE.
      if !["IMPORT_NO_WEAK", "STABLE_PACKAGE_NO_IMPORT_UNSTABLE"].contains(info.id) {
        #expect(categorised.contains(info.id), "\(info.id) is in no category")
      }
    }
    for c in LintCatalog.catalog.categories {
      #expect(!c.ruleIDs.isEmpty, "\(c.id) is empty")
      for r in c.ruleIDs { #expect(LintCatalog.catalog.rule(r) != nil, "\(c.id) lists unknown \(r)") }
    }
  }

  @Test func bufCategorySizes() {
    // buf 1.75 `buf config ls-lint-rules --version v2`: MINIMAL 5, BASIC 26, STANDARD 35.
    #expect(LintCatalog.catalog.category("MINIMAL")?.ruleIDs.count == 5)
    #expect(LintCatalog.catalog.category("BASIC")?.ruleIDs.count == 26)
    #expect(LintCatalog.catalog.category("STANDARD")?.ruleIDs.count == 35)
    #expect(LintCatalog.catalog.category("COMMENTS")?.ruleIDs.count == 7)
    #expect(LintCatalog.catalog.category("UNARY_RPC")?.ruleIDs.count == 2)
  }
}
