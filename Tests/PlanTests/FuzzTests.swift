import Backends
import Basics
import Config
import Diagnostics
import Foundation
import Plan
import TestSupport
import Testing

typealias SeededRandom = SplitMix64

/// Byte-level mutations of a real file: flips, cuts, repeats, truncation and hostile tokens.
enum Mutator {
  static let tokens: [String] = [
    "..", "/", "../../", "../outside", "/etc/passwd", "-", "--output=x", "\u{1}", "\u{0}", "*", "**/", "{", "}",
    "[", "]", ":", "\n  ", "\n- ", "\"", "'", "sebuf.yaml", "proto/a/v1/a.proto", ".sebuf/lock", "\\u0000", "&a", "*a",
    "!!binary", "1e999", "-1", "true",
  ]

  static func mutate(_ bytes: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
    var b = bytes
    for _ in 0...rng.below(3) {
      guard !b.isEmpty else { return Array(tokens[rng.below(tokens.count)].utf8) }
      let i = rng.below(b.count)
      switch rng.below(6) {
      case 0: b[i] = UInt8(truncatingIfNeeded: rng.next())
      case 1: b.removeSubrange(i..<min(b.count, i + 1 + rng.below(16)))
      case 2:
        let end = min(b.count, i + 1 + rng.below(64))
        b.insert(contentsOf: b[i..<end], at: i)
      case 3: b = Array(b.prefix(i))
      default: b.insert(contentsOf: Array(tokens[rng.below(tokens.count)].utf8), at: i)
      }
    }
    return b
  }
}

@Suite struct FuzzTests {
  static let config = """
    version: v1
    modules:
      - path: proto
    generate:
      - backend: fake
        out: gen/fake
      - backend: fake
        name: second
        out: gen/second
        strategy: all
        opt: suffix=x

    """

  /// Mutated sebuf.yaml files: loading and generating never crashes or hangs, every error
  /// is a diagnostic naming a file, and nothing outside the workspace or in its sources moves.
  @Test func mutatedWorkspaceFiles() throws {
    let s = try Sandbox()
    let sources = snapshot(s.ws.root + "/proto")
    let outside = snapshot(s.outside.root)
    let image = makeImage(standardSources())
    var rng = SeededRandom(state: 17)
    for round in 0..<100 {
      let mutated = Mutator.mutate(Array(Self.config.utf8), &rng)
      try FileSystem.writeAtomically(mutated, to: s.ws.root + "/sebuf.yaml")
      do {
        let ws = try Workspace.load(directory: s.ws.root, configFile: nil)
        let planner = Planner(workspace: ws, registry: BackendRegistry([.init(FakeBackend())]), searchPath: "")
        _ = try Generation(planner: planner, compile: { _, _ in (image, []) }).run(
          GenerateOptions(force: round % 2 == 0, lockTimeout: 5))
      } catch let e as DiagnosticError {
        #expect(e.diagnostics.allSatisfy { $0.span?.file != nil || $0.rule == "GENERATE" }, "round \(round): \(e)")
      } catch {
        Issue.record("round \(round): not a diagnostic: \(error)")
      }
      #expect(snapshot(s.ws.root + "/proto") == sources, "round \(round)")
      #expect(snapshot(s.outside.root) == outside, "round \(round)")
    }
  }

  /// Mutated manifests (bytes, and records pointed at user and outside files with their
  /// real hashes): no crash, and nothing but `gen` changes.
  @Test func mutatedManifests() throws {
    let s = try Sandbox()
    let real = try #require(FileSystem.read(s.manifestPath))
    let before = s.state
    let targets = [
      "sebuf.yaml", "proto/a/v1/a.proto", "gen/../sebuf.yaml", s.outsideRel + "/victim.txt",
      s.outside.root + "/victim.txt", "empty-user-dir", s.outsideRel + "/empty", "", ".", ".sebuf/lock", "gen/.git/x",
    ]
    var rng = SeededRandom(state: 42)
    for round in 0..<100 {
      if round % 2 == 0 {
        try FileSystem.writeAtomically(Mutator.mutate(real, &rng), to: s.manifestPath)
      } else {
        var m = Manifest.load(s.manifestPath).0
        var rec = m.jobs[s.jobID] ?? Manifest.JobRecord(out: "gen")
        let target = targets[rng.below(targets.count)]
        switch rng.below(5) {
        case 0: rec.files[target] = s.record(target)
        case 1: rec.out = target
        case 2: rec.dirs.append(target)
        case 3: rec.invocations["*"] = .init(key: "", files: [target])
        default:
          m.jobs["gone → " + target] = .init(out: target, files: [target: s.record(target)], dirs: [target])
        }
        rec.dirty = rng.below(2) == 0
        m.jobs[s.jobID] = rec
        try m.save(s.manifestPath)
      }
      do {
        try s.f.run(GenerateOptions(force: rng.below(2) == 0, lockTimeout: 5))
      } catch let e as DiagnosticError {
        Issue.record("round \(round): \(e.diagnostics.map(\.message))")
      } catch {
        Issue.record("round \(round): \(error)")
      }
      #expect(s.state == before, "round \(round)")
    }
  }
}
