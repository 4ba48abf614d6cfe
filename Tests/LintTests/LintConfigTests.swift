import Diagnostics
import Foundation
import Proto
import Testing

@testable import Lint

/// Config keys and ignores: use/except, id spelling, unknown ids, ignore, ignore_only
/// (paths and globs), warn, comment ignores, --path.
@Suite struct LintConfigTests {
  static let source = """
    // file: acme/v1/pets.proto
    syntax = "proto3";
    package acme.v1;
    message Pet {
      string displayName = 1;
      // sebuf:lint:ignore field-lower-snake-case
      string ownerName = 2;
      // buf:lint:ignore FIELD_LOWER_SNAKE_CASE
      string vetName = 3;
      // buf:lint:ignoreFIELD_LOWER_SNAKE_CASE
      string shopName = 4;
    }
    // file: acme/v1/legacy/old.proto
    syntax = "proto3";
    package acme.v1.legacy;
    message Old { string oldName = 1; }
    """

  func lint(_ settings: LintSettings) throws -> [Diagnostic] {
    let (files, _) = ExampleCompiler.split(Self.source)
    return Linter.lint(try ExampleCompiler.compile(files), settings: settings)
  }

  func resolve(
    use: [String] = ["FIELD_LOWER_SNAKE_CASE"], except: [String] = [], ignore: [String] = [],
    ignoreOnly: [String: [String]] = [:], warn: [String] = [], comments: Bool = true, spans: [String: Span] = [:]
  ) -> (LintSettings, [Diagnostic]) {
    LintSettings.resolve(
      use: use, except: except, ignore: ignore, ignoreOnly: ignoreOnly, warn: warn, allowCommentIgnores: comments,
      options: LintOptions(), spans: spans)
  }

  func positions(_ ds: [Diagnostic]) -> [String] {
    ds.map { "\($0.span!.file):\($0.span!.start.line):\($0.span!.start.column)" }
  }

  @Test func commentIgnores() throws {
    let (s, errors) = resolve()
    #expect(errors.isEmpty)
    // displayName, shopName (no space after the prefix), oldName; ownerName and vetName are ignored.
    #expect(
      positions(try lint(s)) == [
        "acme/v1/legacy/old.proto:3:22", "acme/v1/pets.proto:4:10", "acme/v1/pets.proto:10:10",
      ])
  }

  @Test func commentIgnoresOff() throws {
    let (s, _) = resolve(comments: false)
    #expect(try lint(s).count == 5)
  }

  @Test func idsMatchAnySpelling() {
    let (s, errors) = resolve(use: ["field-lower-snake-case", "Basic"], except: ["minimal"])
    #expect(errors.isEmpty)
    #expect(s.rules.contains("FIELD_LOWER_SNAKE_CASE"))
    #expect(s.rules.contains("ENUM_PASCAL_CASE"))
    #expect(!s.rules.contains("PACKAGE_DEFINED"))
  }

  @Test func unknownIDHasSuggestionAndSpan() {
    let span = Span(
      file: "sebuf.yaml", start: SourcePosition(line: 4, column: 9), end: SourcePosition(line: 4, column: 30))
    let (_, errors) = resolve(use: ["FIELD_LOWER_SNAKE_CAS"], spans: ["FIELD_LOWER_SNAKE_CAS": span])
    #expect(errors.count == 1)
    #expect(
      errors.first?.message
        == "\"FIELD_LOWER_SNAKE_CAS\" is not a known lint rule or category ID; did you mean \"FIELD_LOWER_SNAKE_CASE\"?"
    )
    #expect(errors.first?.span == span)
    let (_, e2) = resolve(ignoreOnly: ["NOT_A_THING_AT_ALL": ["a"]], warn: ["ALSO_NOT_REAL_RULE"])
    #expect(e2.count == 2)
  }

  @Test func everythingExcludedIsAnError() {
    let (_, errors) = resolve(use: ["MINIMAL"], except: ["MINIMAL"])
    #expect(errors.map(\.message) == ["no lint rules are left: `except` removes everything `use` selects"])
  }

  @Test func defaultIsStandard() {
    let (s, _) = resolve(use: [])
    #expect(s.rules == LintCatalog.catalog.expand("STANDARD").sorted())
    #expect(LintCatalog.catalog.expand("DEFAULT") == LintCatalog.catalog.expand("STANDARD"))
  }

  @Test func ignoreDirectoryAndIgnoreOnlyGlob() throws {
    let (s, _) = resolve(ignore: ["acme/v1/legacy"])
    #expect(positions(try lint(s)) == ["acme/v1/pets.proto:4:10", "acme/v1/pets.proto:10:10"])
    let (g, _) = resolve(ignoreOnly: ["field_lower_snake_case": ["acme/**/pets.proto"]])
    #expect(positions(try lint(g)) == ["acme/v1/legacy/old.proto:3:22"])
  }

  @Test func warnRulesDoNotFail() throws {
    let (s, _) = resolve(warn: ["FIELD_LOWER_SNAKE_CASE"])
    let found = try lint(s)
    #expect(found.count == 3)
    #expect(found.allSatisfy { $0.severity == .warning })
    #expect(!found.hasErrors)
    #expect(DiagnosticFormat.text.format(found[0]).contains("warning: Field name \"oldName\""))
  }

  @Test func pathRestrictsTargets() throws {
    let (files, _) = ExampleCompiler.split(Self.source)
    let image = Linter.restrict(try ExampleCompiler.compile(files), to: ["acme/v1/legacy"])
    let (s, _) = resolve()
    #expect(positions(Linter.lint(image, settings: s)) == ["acme/v1/legacy/old.proto:3:22"])
  }

  @Test func globs() {
    #expect(PathFilter.match("proto/**/*.proto", "proto/a/b/c.proto"))
    #expect(PathFilter.match("proto/**", "proto/a.proto"))
    #expect(PathFilter.match("proto/*/v1", "proto/acme/v1/x.proto"))
    #expect(!PathFilter.match("proto/*.proto", "proto/a/b.proto"))
    #expect(PathFilter.match("proto/a?.proto", "proto/ab.proto"))
    #expect(PathFilter.match("proto/[a-c].proto", "proto/b.proto"))
    #expect(!PathFilter.match("proto/[a-c].proto", "proto/d.proto"))
    #expect(PathFilter.match("proto/acme", "proto/acme/v1/a.proto"))
    #expect(!PathFilter.match("proto/acme", "proto/acmex/a.proto"))
    #expect(PathFilter.match(".", "anything.proto"))
    #expect(PathFilter(["./proto/"]).matches("proto/x.proto"))
  }

  @Test func normalize() {
    #expect(RuleID.normalize("stream-methods-must-use-get") == "STREAM_METHODS_MUST_USE_GET")
    #expect(RuleID.normalize("Stream_Methods must.use-GET") == "STREAM_METHODS_MUST_USE_GET")
  }

  @Test func declarationPaths() {
    // field name → field, message; nested enum value → value, enum, message.
    #expect(CommentIgnores.declarationPaths([4, 0, 2, 1, 1]) == [[4, 0, 2, 1, 1], [4, 0], [4, 0, 2, 1]])
    #expect(
      CommentIgnores.declarationPaths([4, 1, 4, 0, 2, 3]) == [
        [4, 1, 4, 0, 2, 3], [4, 1], [4, 1, 4, 0], [4, 1, 4, 0, 2, 3],
      ])
    #expect(CommentIgnores.declarationPaths([6, 0, 2, 1, 2]) == [[6, 0, 2, 1, 2], [6, 0], [6, 0, 2, 1]])
  }
}

/// config-ignore-yaml and --list-rules output.
@Suite struct LintReportTests {
  let findings = [
    Diagnostic.error(
      "m", rule: "FIELD_LOWER_SNAKE_CASE",
      at: Span(file: "proto/b.proto", start: .init(line: 1, column: 1), end: .init(line: 1, column: 2))),
    Diagnostic.error(
      "m", rule: "ENUM_VALUE_PREFIX",
      at: Span(file: "proto/a.proto", start: .init(line: 1, column: 1), end: .init(line: 1, column: 2))),
    Diagnostic.error(
      "m", rule: "FIELD_LOWER_SNAKE_CASE",
      at: Span(file: "proto/a.proto", start: .init(line: 3, column: 1), end: .init(line: 3, column: 2))),
    Diagnostic.error(
      "n", rule: "FIELD_LOWER_SNAKE_CASE",
      at: Span(file: "proto/a.proto", start: .init(line: 4, column: 1), end: .init(line: 4, column: 2))),
  ]

  @Test func configIgnoreYAML() {
    #expect(
      LintReports.configIgnoreYAML(findings) == """
        version: v1
        lint:
          ignore_only:
            ENUM_VALUE_PREFIX:
              - proto/a.proto
            FIELD_LOWER_SNAKE_CASE:
              - proto/a.proto
              - proto/b.proto

        """)
    #expect(LintReports.configIgnoreYAML([]) == "")
  }

  @Test func ruleListText() {
    let out = LintReports.ruleList(["PACKAGE_DEFINED", "STREAM_METHODS_MUST_USE_GET"], json: false)
    let lines = out.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("ID "))
    #expect(
      lines[1].hasPrefix("PACKAGE_DEFINED  ") && lines[1].contains("MINIMAL, BASIC, STANDARD")
        && lines[1].hasSuffix("Checks that all files have a package defined."))
    #expect(lines[2].contains("  HTTP  ") || lines[2].contains("HTTP "))
  }

  @Test func ruleListJSON() {
    #expect(
      LintReports.ruleList(["PACKAGE_DEFINED"], json: true)
        == "{\"id\":\"PACKAGE_DEFINED\",\"categories\":[\"MINIMAL\",\"BASIC\",\"STANDARD\"],\"default\":true,\"purpose\":\"Checks that all files have a package defined.\",\"deprecated\":false}\n"
    )
  }
}

/// The README's HTTP rule table is generated from the catalog; this fails when stale.
@Suite struct LintDocsTests {
  @Test func readmeHTTPTableIsCurrent() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let begin = "<!-- BEGIN lint-http-rules (generated from LintCatalog; LintDocsTests checks it) -->\n"
    let end = "<!-- END lint-http-rules -->"
    let start = try #require(text.range(of: begin))
    let stop = try #require(text.range(of: end))
    let table = String(text[start.upperBound..<stop.lowerBound])
    let expected = LintReports.markdownTable(category: "HTTP")
    #expect(table == expected, "README.md's HTTP rule table is out of date; replace it with:\n\(expected)")
  }
}
