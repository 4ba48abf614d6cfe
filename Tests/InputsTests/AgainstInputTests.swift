import Proto
import Testing

@testable import Inputs

/// `--against` values: buf's input grammar, and refusals of values git could read as options.
struct AgainstInputTests {
  @Test func againstGrammar() throws {
    let dir: (String) -> Bool = { $0 == "old" }
    #expect(
      try AgainstInput.parse(".git#branch=main", isDirectory: dir)
        == .git(repository: ".git", ref: .branch("main"), subdir: nil))
    #expect(
      try AgainstInput.parse(".git#tag=v1.0.0", isDirectory: dir)
        == .git(repository: ".git", ref: .tag("v1.0.0"), subdir: nil))
    #expect(
      try AgainstInput.parse(".git#ref=HEAD~1,subdir=api", isDirectory: dir)
        == .git(repository: ".git", ref: .ref("HEAD~1"), subdir: "api"))
    #expect(
      try AgainstInput.parse("../repo/.git", isDirectory: dir)
        == .git(repository: "../repo/.git", ref: .ref("HEAD"), subdir: nil))
    #expect(try AgainstInput.parse("old", isDirectory: dir) == .directory("old"))
    #expect(try AgainstInput.parse("base.binpb", isDirectory: dir) == .image("base.binpb", .binary))
    #expect(try AgainstInput.parse("base.bin", isDirectory: dir) == .image("base.bin", .binary))
    #expect(try AgainstInput.parse("base.json", isDirectory: dir) == .image("base.json", .json))
    #expect(try AgainstInput.parse("x#format=binpb", isDirectory: dir) == .image("x", .binary))
    #expect(throws: AgainstError.self) { try AgainstInput.parse(".git#branch=a,tag=b", isDirectory: dir) }
    #expect(throws: AgainstError.self) { try AgainstInput.parse(".git#bogus=1", isDirectory: dir) }
    #expect(throws: AgainstError.self) { try AgainstInput.parse("old#branch=main", isDirectory: dir) }
  }

  @Test func optionLikeValuesAreRefused() {
    let dir: (String) -> Bool = { _ in false }
    for value in [
      ".git#subdir=--output=/tmp/x", ".git#branch=-x", ".git#tag=--upload-pack=evil", ".git#ref=--help",
      ".git#subdir=/etc", ".git#subdir=../outside",
    ] {
      #expect(throws: AgainstError.self, "\(value)") { try AgainstInput.parse(value, isDirectory: dir) }
    }
  }

  /// Only a full hex object id, as `git rev-parse` prints it, is passed on to `git archive`.
  @Test func onlyHexObjectIDsAreCommits() {
    #expect(GitSnapshot.isObjectID(String(repeating: "a1", count: 20)))
    #expect(GitSnapshot.isObjectID(String(repeating: "0f", count: 32)))
    for bad in ["", "HEAD", "--output=x", String(repeating: "A1", count: 20), String(repeating: "a", count: 39)] {
      #expect(!GitSnapshot.isObjectID(bad), "\(bad)")
    }
  }
}
