import Testing

@testable import Basics

@Suite struct GlobTests {
  @Test func normalize() {
    #expect(PathRules.normalize("a/./b//c/") == "a/b/c")
    #expect(PathRules.normalize("./") == ".")
    #expect(PathRules.normalize("a/../..") == nil)
    #expect(PathRules.normalize("a/b/../c") == "a/c")
  }

  @Test(arguments: [
    ("proto/api/**", "proto/api/v1/a.proto", true),
    ("proto/api/**", "proto/apiv2/a.proto", false),
    ("proto/*/a.proto", "proto/x/a.proto", true),
    ("proto/*/a.proto", "proto/x/y/a.proto", false),
    ("**/a.proto", "proto/x/y/a.proto", true),
    ("proto/**/v1/*.proto", "proto/v1/b.proto", true),
    ("proto/api", "proto/api/v1/a.proto", true),
    ("proto/api", "proto/apis/a.proto", false),
    ("proto/a?.proto", "proto/ab.proto", true),
    ("proto/[ab].proto", "proto/b.proto", true),
    ("proto/[!ab].proto", "proto/b.proto", false),
    ("./proto/a.proto", "proto/a.proto", true),
    // One semantics everywhere: a glob that selects a directory selects what is under it.
    ("proto/*", "proto/v1/b.proto", true),
    ("proto/*", "proto/a.proto", true),
    ("proto/*", "proto", false),
    ("proto/*.proto", "proto/a/b.proto", false),
    ("**", "anything/at/all.proto", true),
    (".", "a.proto", true),
    ("proto/[a", "proto/[a", true),
  ])
  func globs(pattern: String, path: String, expected: Bool) {
    #expect(PathRules.matches(pattern, path) == expected)
  }

  @Test func safeOutputNames() {
    #expect(PathRules.isSafeOutputName("a/b.go"))
    for bad in ["", "/a", "../a", "a/../b", "a//b", "./a", "a/.", "a\u{0}b"] {
      #expect(!PathRules.isSafeOutputName(bad), "\(bad)")
    }
  }
}

extension GlobTests {
  /// Patterns with many stars cost time linear in the path, not exponential: this pattern
  /// made a backtracking matcher take minutes.
  @Test func manyStarsStayCheap() {
    let pattern = String(repeating: "*a", count: 30) + "b"
    let path = String(repeating: "a", count: 200)
    #expect(!Glob(pattern).matches(path))
    let deep = Array(repeating: "**", count: 30).joined(separator: "/") + "/x.proto"
    let long = Array(repeating: "d", count: 200).joined(separator: "/") + "/y.proto"
    #expect(!Glob(deep).matches(long))
    #expect(Glob(deep).matches("d/x.proto"))
  }

  @Test func ruleAndPlannerAgree() {
    // The planner's include/exclude and lint's ignore call the same matcher.
    #expect(PathRules.matches("proto/*", "proto/a/b.proto") == Glob("proto/*").matches("proto/a/b.proto"))
  }
}
