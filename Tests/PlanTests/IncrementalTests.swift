import Backends
import Basics
import Config
import Diagnostics
import Foundation
import Plan
import Proto
import Testing

/// Three proto directories; a/v1/a.proto imports b/v1/b.proto.
func standardSources() -> [Source] {
  [
    Source(name: "a/v1/a.proto", imports: ["b/v1/b.proto"], messages: ["A1"]),
    Source(name: "b/v1/b.proto", messages: ["B1"]),
    Source(name: "c/v1/c.proto", messages: ["C1"]),
  ]
}

func standardFixture(_ backend: FakeBackend = FakeBackend()) -> Fixture {
  Fixture(
    sources: standardSources(), entries: [GenerateEntry(kind: .backend("fake"), out: "gen/fake")],
    backends: [.init(backend, strategy: .directory)])
}

@Suite struct IncrementalTests {
  @Test func firstRunWritesEverythingAndRecordsTheManifest() throws {
    let f = standardFixture()
    let r = try f.run()
    #expect(r.report.summary == ["gen/fake/a/v1/a.txt:new", "gen/fake/b/v1/b.txt:new", "gen/fake/c/v1/c.txt:new"])
    #expect(f.ws.read("gen/fake/a/v1/a.txt") == "// fake for a/v1/a.proto\nmessage A1\nuses b/v1/b.proto: B1\n")
    let (manifest, note) = Manifest.load(f.ws.root + "/.sebuf/manifest.json")
    #expect(note == nil)
    let job = try #require(manifest.jobs["fake → gen/fake"])
    #expect(job.files.keys.sorted() == ["gen/fake/a/v1/a.txt", "gen/fake/b/v1/b.txt", "gen/fake/c/v1/c.txt"])
    #expect(
      job.files["gen/fake/c/v1/c.txt"]?.hash == ContentHash.hex(Array("// fake for c/v1/c.proto\nmessage C1\n".utf8)))
    #expect(job.invocations.keys.sorted() == ["a/v1", "b/v1", "c/v1"])
    #expect(f.ws.read(".sebuf/.gitignore") == "# sebuf's cache: safe to delete.\n*\n")
  }

  @Test func secondRunIsANoOpThatLeavesFilesAlone() throws {
    let backend = FakeBackend()
    let f = standardFixture(backend)
    try f.run()
    let outputs = f.ws.files(under: "gen")
    let before = outputs.map { f.ws.identity($0) }
    let manifestBefore = f.ws.identity(".sebuf/manifest.json")
    let callsBefore = backend.calls.count

    let second = try f.run()
    #expect(!second.compiled)
    #expect(second.report.wrote == 0 && second.report.removed == 0)
    #expect(second.report.skippedJobs == 1)
    #expect(backend.calls.count == callsBefore)
    #expect(outputs.map { f.ws.identity($0) } == before)
    #expect(f.ws.identity(".sebuf/manifest.json") == manifestBefore)

    // --force runs the backend again but still writes no unchanged bytes.
    let forced = try f.run(GenerateOptions(force: true))
    #expect(forced.compiled)
    #expect(backend.calls.count == callsBefore + 3)
    #expect(forced.report.wrote == 0 && forced.report.unchanged == 3)
    #expect(outputs.map { f.ws.identity($0) } == before)
  }

  @Test func editingOneFileRewritesOnlyWhatDependsOnIt() throws {
    let backend = FakeBackend()
    let f = standardFixture(backend)
    try f.run()
    let cBefore = f.ws.identity("gen/fake/c/v1/c.txt")
    let calls = backend.calls.count

    f.sources[1].messages = ["B1", "B2"]  // b/v1/b.proto, imported by a
    f.syncSources()
    let r = try f.run()
    #expect(r.report.summary == ["gen/fake/a/v1/a.txt:changed", "gen/fake/b/v1/b.txt:changed"])
    #expect(Set(backend.calls[calls...]) == [["a/v1/a.proto"], ["b/v1/b.proto"]])
    #expect(f.ws.identity("gen/fake/c/v1/c.txt") == cBefore)
    #expect(f.ws.read("gen/fake/a/v1/a.txt")!.contains("uses b/v1/b.proto: B2"))
  }

  @Test func deletingAProtoRemovesItsOutputsAndTheDirectoriesSebufMade() throws {
    let f = standardFixture()
    try f.run()
    f.sources.removeAll { $0.name == "c/v1/c.proto" }
    f.syncSources()
    let r = try f.run()
    #expect(r.report.summary == ["gen/fake/c/v1/c.txt:stale"])
    #expect(!f.ws.exists("gen/fake/c/v1/c.txt"))
    #expect(!f.ws.exists("gen/fake/c"))
    #expect(f.ws.exists("gen/fake/a/v1/a.txt"))
  }

  @Test func userFilesInOutDirsSurvive() throws {
    let f = standardFixture()
    f.ws.write("gen/fake/README.md", "mine\n")
    try f.run()
    f.ws.write("gen/fake/c/v1/notes.txt", "also mine\n")
    f.sources.removeAll { $0.name == "c/v1/c.proto" }
    f.syncSources()
    try f.run(GenerateOptions(force: true))
    #expect(f.ws.read("gen/fake/README.md") == "mine\n")
    #expect(f.ws.read("gen/fake/c/v1/notes.txt") == "also mine\n")
    #expect(!f.ws.exists("gen/fake/c/v1/c.txt"))
  }

  @Test func removingAGenerateEntryRemovesWhatItWrote() throws {
    let f = Fixture(
      sources: standardSources(),
      entries: [
        GenerateEntry(kind: .backend("fake"), out: "gen/one"), GenerateEntry(kind: .backend("fake"), out: "gen/two"),
      ], backends: [.init(FakeBackend(), strategy: .all)])
    try f.run()
    #expect(f.ws.files(under: "gen/two").count == 3)
    f.entries.removeLast()
    let r = try f.run()
    #expect(r.report.removed == 3)
    #expect(f.ws.files(under: "gen/two").isEmpty)
    #expect(f.ws.files(under: "gen/one").count == 3)
  }

  @Test func optionChangesInvalidateTheCache() throws {
    let f = standardFixture()
    try f.run()
    f.entries[0].options = [("suffix", "x")]
    let r = try f.run()
    #expect(r.compiled)
    #expect(r.report.wrote == 3)
    #expect(f.ws.read("gen/fake/c/v1/c.txt")!.hasSuffix("suffix x\n"))
  }

  @Test func editedOrDeletedOutputsAreRestored() throws {
    let f = standardFixture()
    try f.run()
    f.ws.write("gen/fake/a/v1/a.txt", "hand edit\n")
    f.ws.remove("gen/fake/b/v1/b.txt")
    let r = try f.run()
    #expect(r.report.summary == ["gen/fake/a/v1/a.txt:changed", "gen/fake/b/v1/b.txt:new"])
    #expect(f.ws.read("gen/fake/a/v1/a.txt")!.hasPrefix("// fake for a/v1/a.proto"))
  }

  @Test func aCorruptOrMissingManifestIsRebuiltWithoutRewritingFiles() throws {
    let f = standardFixture()
    try f.run()
    let before = f.ws.files(under: "gen").map { f.ws.identity($0) }
    f.ws.write(".sebuf/manifest.json", "{ not json")
    let r = try f.run()
    #expect(r.diagnostics.contains { $0.message.contains("ignoring unreadable") })
    #expect(r.report.wrote == 0 && r.report.unchanged == 3)
    #expect(f.ws.files(under: "gen").map { f.ws.identity($0) } == before)
    #expect(Manifest.load(f.ws.root + "/.sebuf/manifest.json").0.jobs.count == 1)

    f.ws.remove(".sebuf")
    let again = try f.run()
    #expect(again.report.wrote == 0 && again.report.unchanged == 3)
    #expect(f.ws.files(under: "gen").map { f.ws.identity($0) } == before)
  }

  @Test func dryRunReportsButWritesNothing() throws {
    let f = standardFixture()
    let r = try f.run(GenerateOptions(dryRun: true))
    #expect(r.report.summary.count == 3 && r.report.summary.allSatisfy { $0.hasSuffix(":new") })
    #expect(!f.ws.exists("gen"))
    #expect(!f.ws.exists(".sebuf"))
    try f.run()
    f.sources.removeAll { $0.name == "c/v1/c.proto" }
    f.sources[1].messages = ["B9"]
    f.syncSources()
    let plan = try f.run(GenerateOptions(dryRun: true))
    #expect(
      plan.report.summary == [
        "gen/fake/a/v1/a.txt:changed", "gen/fake/b/v1/b.txt:changed", "gen/fake/c/v1/c.txt:stale",
      ])
    #expect(f.ws.exists("gen/fake/c/v1/c.txt"))
  }
}
