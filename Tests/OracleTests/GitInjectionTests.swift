// Values that reach git from --against (refs, subdirs) must never be read as options,
// also when GitSnapshot is called directly rather than through AgainstInput.parse.
import Foundation
import Inputs
import TestSupport
import Testing

@Suite struct GitInjectionTests {
  @Test(.oracle("git")) func optionLikeRefsAndSubdirsWriteNothing() throws {
    try OracleTools.require(["git"])
    let sandbox = try BreakingSupport.tempDir("git-inject")
    defer { try? FileManager.default.removeItem(at: sandbox) }
    let repo = sandbox.appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
    try Data("syntax = \"proto3\";\n".utf8).write(to: repo.appendingPathComponent("a.proto"))
    for args in [
      ["init", "-q"], ["add", "a.proto"],
      ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "one"],
    ] {
      let (code, _, err) = try BreakingSupport.run(["git"] + args, cwd: repo)
      #expect(code == 0, "\(err)")
    }
    let evil = sandbox.appendingPathComponent("evil").path
    let cases: [(AgainstInput.GitRef, String?)] = [
      (.ref("--output=\(evil)"), nil), (.branch("--output=\(evil)"), nil), (.tag("--output=\(evil)"), nil),
      (.ref("HEAD"), "--output=\(evil)"), (.ref("HEAD"), "../x"), (.ref("HEAD"), "/etc"),
    ]
    for (ref, subdir) in cases {
      #expect(throws: AgainstError.self, "\(ref) \(subdir ?? "")") {
        let got = try GitSnapshot.extract(repository: repo.path + "/.git", ref: ref, subdir: subdir)
        try? FileManager.default.removeItem(atPath: got.root)
      }
      #expect(!FileManager.default.fileExists(atPath: evil), "\(ref) \(subdir ?? "")")
    }
    let before = try FileManager.default.contentsOfDirectory(atPath: sandbox.path)
    #expect(before == ["repo"])
  }
}
