// The ignores breaking shares with lint, run fast: `ignore`, `ignore_only` (rule and
// category keys), `ignore_unstable_packages`, and `sebuf:breaking:ignore` /
// `buf:breaking:ignore` comments (lint's prefixes do not count).
import Diagnostics
import Proto
import Testing

@testable import Lint

@Suite struct BreakingIgnoreTests {
  static let previous = """
    // file: acme/v1/pet.proto
    syntax = "proto3";

    package acme.v1;

    message Pet {
      string id = 1;
      string name = 2;
    }
    // file: acme/v1beta1/pet.proto
    syntax = "proto3";

    package acme.v1beta1;

    message Pet {
      string id = 1;
      string name = 2;
    }
    """

  /// Both files lose field 2; `comment` is the leading comment of the v1 message.
  static func current(comment: String = "") -> String {
    """
    // file: acme/v1/pet.proto
    syntax = "proto3";

    package acme.v1;

    \(comment)message Pet {
      string id = 1;
    }
    // file: acme/v1beta1/pet.proto
    syntax = "proto3";

    package acme.v1beta1;

    message Pet {
      string id = 1;
    }
    """
  }

  static func run(_ settings: BreakingSettings, comment: String = "") throws -> BreakingResult {
    let previous = try ExampleCompiler.compile(ExampleCompiler.split(Self.previous).files)
    let current = try ExampleCompiler.compile(ExampleCompiler.split(Self.current(comment: comment)).files)
    return BreakingChecker.check(current: current, previous: previous, settings: settings)
  }

  static func files(_ r: BreakingResult) -> [String] { r.violations.compactMap { $0.span?.file } }

  static var fieldNoDelete: BreakingSettings {
    var s = BreakingSettings()
    s.use = ["FIELD_NO_DELETE"]
    return s
  }

  @Test func baseline() throws {
    #expect(Self.files(try Self.run(Self.fieldNoDelete)) == ["acme/v1/pet.proto", "acme/v1beta1/pet.proto"])
  }

  @Test func ignoreAndIgnoreOnly() throws {
    var s = Self.fieldNoDelete
    s.ignore = ["acme/v1beta1"]
    #expect(Self.files(try Self.run(s)) == ["acme/v1/pet.proto"])
    s = Self.fieldNoDelete
    s.ignoreOnly = ["wire": ["acme/v1"]]  // a category key that does not hold the rule
    #expect(Self.files(try Self.run(s)).count == 2)
    s.ignoreOnly = ["file": ["acme/v1/pet.proto"]]  // a category key (any spelling) that does
    #expect(Self.files(try Self.run(s)) == ["acme/v1beta1/pet.proto"])
    s.ignoreOnly = ["field-no-delete": ["acme/**/pet.proto"]]
    #expect(Self.files(try Self.run(s)).isEmpty)
  }

  @Test func unknownIgnoreOnlyKeyIsAnErrorWithSuggestion() throws {
    var s = Self.fieldNoDelete
    s.ignoreOnly = ["FIELD_NO_DELET": ["acme"]]
    let r = try Self.run(s)
    #expect(r.violations.isEmpty)
    #expect(
      r.errors.map(\.message)
        == ["\"FIELD_NO_DELET\" is not a known breaking rule or category ID; did you mean \"FIELD_NO_DELETE\"?"])
  }

  @Test func unstablePackages() throws {
    var s = Self.fieldNoDelete
    s.ignoreUnstablePackages = true
    #expect(Self.files(try Self.run(s)) == ["acme/v1/pet.proto"])
  }

  @Test func commentIgnores() throws {
    for comment in ["// sebuf:breaking:ignore FIELD_NO_DELETE\n", "// buf:breaking:ignore FIELD_NO_DELETE\n"] {
      #expect(Self.files(try Self.run(Self.fieldNoDelete, comment: comment)) == ["acme/v1beta1/pet.proto"])
    }
    // Another rule's id, or lint's prefix, does not ignore the break.
    for comment in ["// sebuf:breaking:ignore FIELD_SAME_NAME\n", "// sebuf:lint:ignore FIELD_NO_DELETE\n"] {
      #expect(Self.files(try Self.run(Self.fieldNoDelete, comment: comment)).count == 2)
    }
    var s = Self.fieldNoDelete
    s.allowCommentIgnores = false
    #expect(Self.files(try Self.run(s, comment: "// sebuf:breaking:ignore FIELD_NO_DELETE\n")).count == 2)
  }
}
