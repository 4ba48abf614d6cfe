import Backends
import Basics
import Config
import Diagnostics
import Foundation
import Plan
import Proto
import Testing

/// A backend that returns fixed files (or throws).
func fixedBackend(_ name: String, _ files: [(String, String)], error: String? = nil) -> FakeBackend {
  FakeBackend(name: name) { _, _ in
    if let error { throw DiagnosticError(.error(error)) }
    return files.map { GeneratedFile(path: $0.0, text: $0.1) }
  }
}

@Suite struct SafetyTests {
  @Test func conflictingOutputsWriteNothing() throws {
    let f = Fixture(
      sources: standardSources(),
      entries: [
        GenerateEntry(kind: .backend("one"), out: "gen"), GenerateEntry(kind: .backend("two"), out: "gen"),
      ],
      backends: [
        .init(fixedBackend("one", [("x.txt", "one\n"), ("only-one.txt", "1\n")])),
        .init(fixedBackend("two", [("x.txt", "two\n")])),
      ])
    let message = errorText { try f.run() }
    #expect(
      message?.contains("generate entries 1 (one) and 2 (two) both write gen/x.txt with different contents") == true)
    #expect(!f.ws.exists("gen"))
    #expect(!f.ws.exists(".sebuf/manifest.json"))
  }

  @Test func identicalOutputsFromTwoEntriesAreFine() throws {
    let f = Fixture(
      sources: standardSources(),
      entries: [GenerateEntry(kind: .backend("one"), out: "gen"), GenerateEntry(kind: .backend("two"), out: "gen")],
      backends: [.init(fixedBackend("one", [("x.txt", "same\n")])), .init(fixedBackend("two", [("x.txt", "same\n")]))])
    let r = try f.run()
    #expect(r.report.summary == ["gen/x.txt:new"])
  }

  @Test func aFailingBackendWritesNothingAndNamesTheEntry() throws {
    let f = Fixture(
      sources: standardSources(),
      entries: [
        GenerateEntry(kind: .backend("good"), out: "gen/good"),
        GenerateEntry(
          kind: .backend("bad"), out: "gen/bad",
          span: Span(
            file: "sebuf.yaml", start: SourcePosition(line: 9, column: 5), end: SourcePosition(line: 9, column: 20))),
      ],
      backends: [
        .init(fixedBackend("good", [("g.txt", "g\n")])),
        .init(fixedBackend("bad", [], error: "option foo is not supported")),
      ])
    do {
      try f.run()
      Issue.record("expected a failure")
    } catch let e as DiagnosticError {
      #expect(e.diagnostics.map(\.message) == ["generate entry 2 (bad) failed: option foo is not supported"])
      #expect(e.diagnostics.first?.span?.file == "sebuf.yaml")
      #expect(e.diagnostics.first?.span?.start.line == 9)
    }
    #expect(!f.ws.exists("gen"))
  }

  @Test func pathsThatEscapeTheOutDirAreRefused() throws {
    for bad in ["../evil.txt", "/tmp/evil.txt", "a/../../evil.txt", "./x.txt", "a//b.txt", ""] {
      let f = Fixture(
        sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
        backends: [.init(fixedBackend("b", [("fine.txt", "ok\n"), (bad, "evil\n")]))])
      let message = errorText { try f.run() }
      #expect(message?.contains("output names must be relative paths inside the out dir") == true, "\(bad)")
      #expect(!f.ws.exists("gen"), "\(bad)")
      #expect(!f.ws.exists("evil.txt"))
    }
  }

  @Test func aSymlinkLeadingOutOfTheOutDirIsRefused() throws {
    let outside = TempWorkspace()
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", [("a.txt", "ok\n"), ("link/evil.txt", "evil\n")]))])
    try FileManager.default.createDirectory(atPath: f.ws.root + "/gen", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: f.ws.root + "/gen/link", withDestinationPath: outside.root)
    let message = errorText { try f.run() }
    #expect(message?.contains("refusing to write gen/link/evil.txt") == true)
    #expect(message?.contains("a symlink leads out of it") == true)
    #expect(!f.ws.exists("gen/a.txt"))
    #expect(outside.files(under: ".").isEmpty)
  }

  @Test func outDirsAreCheckedBeforeAnythingRuns() throws {
    let backend = FakeBackend()
    let span = Span(
      file: "sebuf.yaml", start: SourcePosition(line: 4, column: 3), end: SourcePosition(line: 4, column: 9))
    let f = Fixture(
      sources: standardSources(),
      entries: [
        GenerateEntry(kind: .backend("fake"), out: "../outside", span: span),
        GenerateEntry(kind: .backend("fake"), out: "proto/gen"),
        GenerateEntry(kind: .backend("fake"), out: "."),
        GenerateEntry(kind: .backend("nope"), out: "gen/x"),
        GenerateEntry(kind: .backend("fake"), out: "/elsewhere"),
        GenerateEntry(kind: .plugin("sebuf-test-no-such-plugin"), out: "gen/p"),
      ], backends: [.init(backend)])
    do {
      try f.run()
      Issue.record("expected errors")
    } catch let e as DiagnosticError {
      let messages = e.diagnostics.map(\.message)
      #expect(
        messages.contains("generate entry 1 (fake): out \"../outside\" leaves the workspace; use a directory inside it")
      )
      #expect(
        messages.contains { $0.hasPrefix("generate entry 2 (fake): out \"proto/gen\" overlaps the module \"proto\"") })
      #expect(messages.contains { $0.hasPrefix("generate entry 3 (fake): out \".\" overlaps the module \"proto\"") })
      #expect(
        messages.contains(
          "generate entry 4 (nope): unknown backend \"nope\"; use one of fake, or `plugin:` for a protoc plugin"))
      #expect(
        messages.contains { $0.hasPrefix("generate entry 5 (fake): out \"/elsewhere\" is outside the workspace") })
      #expect(
        messages.contains {
          $0.contains(
            "generate entry 6 (sebuf-test-no-such-plugin): plugin \"sebuf-test-no-such-plugin\": protoc-gen-sebuf-test-no-such-plugin not found on PATH"
          )
        })
      #expect(e.diagnostics.first { $0.message.hasPrefix("generate entry 1 ") }?.span == span)
    }
    #expect(backend.calls.isEmpty)
    #expect(!f.ws.exists(".sebuf/manifest.json"))
  }

  @Test func theLockMakesASecondRunWaitThenFailClearly() throws {
    let f = standardFixture()
    let held = try WorkspaceLock.acquire(f.ws.root + "/.sebuf/lock", timeout: 1)
    let message = errorText { try f.run(GenerateOptions(lockTimeout: 0.2)) }
    #expect(message?.contains("holds \(f.ws.root)/.sebuf/lock; gave up after waiting 0.2 s") == true)
    #expect(message?.contains("pid \(getpid())") == true)
    #expect(!f.ws.exists("gen"))
    held.release()
    try f.run(GenerateOptions(lockTimeout: 0.2))
    #expect(f.ws.exists("gen/fake/a/v1/a.txt"))
  }

  @Test func concurrentRunsDoNotCorruptOutputs() throws {
    // Two "developers" alternate between two versions of b.proto, in parallel.
    let f = standardFixture()
    let variants: [[Source]] = [
      standardSources(),
      standardSources().map { s in
        var s = s
        if s.name == "b/v1/b.proto" { s.messages = ["B1", String(repeating: "Long", count: 2000)] }
        return s
      },
    ]
    let gens = variants.map { sources -> Generation in
      let image = makeImage(sources)
      let planner = Planner(workspace: f.workspace, registry: f.registry)
      return Generation(planner: planner, compile: { _, _ in (image, []) })
    }
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      for _ in 0..<15 {
        do {
          _ = try gens[i].run(GenerateOptions(force: true, lockTimeout: 30))
        } catch {
          failures.add("\(error)")
        }
      }
    }
    #expect(failures.all.isEmpty)
    // Whatever run came last, disk and manifest agree, and every file is one whole version.
    let manifest = Manifest.load(f.ws.root + "/.sebuf/manifest.json").0
    let job = try #require(manifest.jobs.values.first)
    for (path, rec) in job.files {
      let bytes = try #require(FileSystem.read(f.ws.root + "/" + path))
      #expect(ContentHash.hex(bytes) == rec.hash, "\(path)")
    }
    let b = try #require(f.ws.read("gen/fake/b/v1/b.txt"))
    let a = try #require(f.ws.read("gen/fake/a/v1/a.txt"))
    #expect(b.contains("Long") == a.contains("Long"))
    #expect(f.ws.files(under: "gen").allSatisfy { !$0.contains(".sebuf-tmp.") })
  }
}

final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ s: String) {
    lock.lock()
    items.append(s)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
