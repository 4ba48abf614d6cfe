import Backends
import Config
import Diagnostics
import Foundation
import Plan
import Proto
import Testing

@Suite struct SelectionTests {
  func twoJobs() -> (Fixture, FakeBackend, FakeBackend) {
    let one = FakeBackend(name: "one")
    let two = FakeBackend(name: "two")
    let f = Fixture(
      sources: standardSources(),
      entries: [
        GenerateEntry(kind: .backend("one"), out: "gen/one"),
        GenerateEntry(kind: .backend("two"), name: "second", out: "gen/two"),
      ], backends: [.init(one, strategy: .directory), .init(two, strategy: .all)])
    return (f, one, two)
  }

  @Test func onlyRunsTheNamedEntryAndLeavesTheOthersAlone() throws {
    let (f, one, two) = twoJobs()
    try f.run()
    let manifestBefore = Manifest.load(f.ws.root + "/.sebuf/manifest.json").0
    let twoFiles = f.ws.files(under: "gen/two")
    let twoBefore = twoFiles.map { f.ws.identity($0) }
    let twoCalls = two.calls.count

    f.sources.removeAll { $0.name == "c/v1/c.proto" }
    f.sources[0].messages = ["A1", "A2"]
    f.syncSources()
    let r = try f.run(GenerateOptions(filter: PlanFilter(only: ["one"])))
    #expect(r.report.summary == ["gen/one/a/v1/a.txt:changed", "gen/one/c/v1/c.txt:stale"])
    #expect(two.calls.count == twoCalls)
    #expect(twoFiles.map { f.ws.identity($0) } == twoBefore)
    #expect(f.ws.exists("gen/two/c/v1/c.txt"))
    let after = Manifest.load(f.ws.root + "/.sebuf/manifest.json").0
    #expect(after.jobs["second → gen/two"] == manifestBefore.jobs["second → gen/two"])
    #expect(one.calls.count > 0)

    // The entry's name selects it too; then a full run catches up.
    let byName = try f.run(GenerateOptions(filter: PlanFilter(only: ["second"])))
    #expect(
      byName.report.summary == [
        "gen/two/a/v1/a.txt:changed", "gen/two/b/v1/b.txt:unchanged", "gen/two/c/v1/c.txt:stale",
      ])
    let full = try f.run()
    #expect(!full.compiled)
  }

  @Test func anUnknownOnlyNameIsAnError() throws {
    let (f, _, _) = twoJobs()
    let message = errorText { try f.run(GenerateOptions(filter: PlanFilter(only: ["three"]))) }
    #expect(message == "--only three matches no generate entry; entries: one, second")
  }

  @Test func pathLimitsFilesWithoutRemovingOrCachingOthers() throws {
    let (f, one, _) = twoJobs()
    try f.run()
    f.sources[0].messages = ["A9"]
    f.sources[2].messages = ["C9"]
    f.syncSources()
    let calls = one.calls.count
    let cBefore = f.ws.identity("gen/one/c/v1/c.txt")
    let r = try f.run(GenerateOptions(filter: PlanFilter(paths: ["proto/a"])))
    #expect(r.report.summary == ["gen/one/a/v1/a.txt:changed", "gen/two/a/v1/a.txt:changed"])
    #expect(one.calls[calls...].map { $0 } == [["a/v1/a.proto"]])
    #expect(f.ws.identity("gen/one/c/v1/c.txt") == cBefore)
    #expect(f.ws.exists("gen/two/b/v1/b.txt") && f.ws.exists("gen/two/c/v1/c.txt"))

    // The next full run is not fooled by the partial one: c is regenerated.
    let full = try f.run()
    #expect(full.report.summary.contains("gen/one/c/v1/c.txt:changed"))
    #expect(full.report.summary.contains("gen/two/c/v1/c.txt:changed"))
    #expect(!full.report.summary.contains { $0.hasSuffix(":stale") })
  }

  @Test func includeAndExcludeGlobsPickModuleFiles() throws {
    let backend = FakeBackend()
    let f = Fixture(
      sources: standardSources(),
      entries: [GenerateEntry(kind: .backend("fake"), out: "gen", include: ["proto/*/v1/**"], exclude: ["proto/c"])],
      backends: [.init(backend, strategy: .all)])
    try f.run()
    #expect(backend.calls == [["a/v1/a.proto", "b/v1/b.proto"]])
  }

  @Test func includeImportsAddsImportsButWKTsOnlyWhenAsked() throws {
    let sources = [
      Source(name: "google/protobuf/empty.proto", messages: ["Empty"], isImport: true),
      Source(name: "sebuf/http/annotations.proto", messages: ["HttpConfig"], isImport: true),
      Source(name: "unused/dep.proto", messages: ["Unused"], isImport: true),
      Source(
        name: "a/v1/a.proto", imports: ["sebuf/http/annotations.proto", "google/protobuf/empty.proto"], messages: ["A"]),
    ]
    for (wkt, expected) in [
      (false, ["a/v1/a.proto", "sebuf/http/annotations.proto"]),
      (true, ["a/v1/a.proto", "google/protobuf/empty.proto", "sebuf/http/annotations.proto"]),
    ] {
      let backend = FakeBackend()
      let f = Fixture(
        sources: sources,
        entries: [GenerateEntry(kind: .backend("fake"), out: "gen", includeImports: true, includeWKT: wkt)],
        backends: [.init(backend, strategy: .all)])
      try f.run()
      #expect(backend.calls == [expected])
    }
  }

  @Test func directoryStrategySplitsByProtoDirectory() throws {
    let backend = FakeBackend()
    let f = standardFixture(backend)
    f.sources.append(Source(name: "a/v1/a2.proto", messages: ["A2"]))
    f.syncSources()
    try f.run()
    #expect(Set(backend.calls) == [["a/v1/a.proto", "a/v1/a2.proto"], ["b/v1/b.proto"], ["c/v1/c.proto"]])
    f.entries[0].strategy = .all
    let second = FakeBackend()
    f.registry = BackendRegistry([.init(second, strategy: .directory)])
    try f.run()
    #expect(second.calls == [["a/v1/a.proto", "a/v1/a2.proto", "b/v1/b.proto", "c/v1/c.proto"]])
  }

  @Test func managedModeSetsGoPackageOnModuleFilesAndSebufProtos() throws {
    let sources = [
      Source(name: "sebuf/http/annotations.proto", messages: ["HttpConfig"], isImport: true),
      Source(name: "third/party.proto", messages: ["T"], isImport: true),
      Source(name: "top.proto", messages: ["Top"]),
      Source(name: "acme/v1/a.proto", imports: ["sebuf/http/annotations.proto", "third/party.proto"], messages: ["A"]),
      Source(name: "legacy/old.proto", messages: ["O"]),
      Source(name: "special/s.proto", messages: ["S"]),
      Source(name: "vendored/x/y.proto", messages: ["Y"]),
    ]
    var managed = ManagedConfig()
    managed.enabled = true
    managed.goPackagePrefix = "example.com/app/gen/go/"
    managed.except = ["legacy"]
    managed.goPackageOverrides = ["special/s.proto": "example.com/special;sp", "vendored": "example.com/vendor"]
    let image = ManagedMode.apply(managed, to: makeImage(sources))
    func goPackage(_ name: String) -> String? {
      let d = image.file(named: name)!.descriptor
      return d.options.hasGoPackage ? d.options.goPackage : nil
    }
    #expect(goPackage("acme/v1/a.proto") == "example.com/app/gen/go/acme/v1")
    #expect(goPackage("top.proto") == "example.com/app/gen/go")
    #expect(goPackage("sebuf/http/annotations.proto") == "example.com/app/gen/go/sebuf/http")
    #expect(goPackage("third/party.proto") == nil)
    #expect(goPackage("legacy/old.proto") == nil)
    #expect(goPackage("special/s.proto") == "example.com/special;sp")
    #expect(goPackage("vendored/x/y.proto") == "example.com/vendor")
  }
}
