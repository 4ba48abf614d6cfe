import Backends
import Basics
import Config
import Diagnostics
import Foundation
import Plan
import Testing

/// Every entry under `dir` (files with their bytes, directories and links with their
/// targets), never following links: what "nothing changed" is asserted against.
func snapshot(_ dir: String, skipping skipped: Set<String> = []) -> [String: String] {
  var result: [String: String] = [:]
  var pending = [""]
  while let rel = pending.popLast() {
    let abs = rel.isEmpty ? dir : dir + "/" + rel
    for name in (try? FileManager.default.contentsOfDirectory(atPath: abs)) ?? [] {
      let child = rel.isEmpty ? name : rel + "/" + name
      if skipped.contains(child) { continue }
      var st = stat()
      guard lstat(abs + "/" + name, &st) == 0 else { continue }
      switch st.st_mode & S_IFMT {
      case S_IFDIR:
        result[child] = "dir"
        pending.append(child)
      case S_IFLNK:
        result[child] = "link:" + ((try? FileManager.default.destinationOfSymbolicLink(atPath: abs + "/" + name)) ?? "")
      default:
        result[child] = "file:" + ContentHash.hex(FileSystem.read(abs + "/" + name) ?? [])
      }
    }
  }
  return result
}

/// A workspace next to an `outside` directory (both in one sandbox), generated once, so a
/// test can forge its manifest and check that nothing outside `gen` moved.
final class Sandbox {
  let f: Fixture
  let outside = TempWorkspace()
  var ws: TempWorkspace { f.ws }
  /// `outside` as seen from the workspace root.
  var outsideRel: String { "../" + PathRules.baseName(outside.root) }

  init(files: [(String, String)] = [("a.txt", "a\n"), ("b.txt", "b\n")]) throws {
    f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", files))])
    ws.write("sebuf.yaml", "version: v1\n")
    outside.write("victim.txt", "precious\n")
    outside.write(".sebuf-tmp.victim", "also precious\n")
    try FileManager.default.createDirectory(atPath: outside.root + "/empty", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: ws.root + "/empty-user-dir", withIntermediateDirectories: true)
    try f.run()
  }

  var manifestPath: String { ws.root + "/.sebuf/manifest.json" }
  var manifest: Manifest { Manifest.load(manifestPath).0 }
  var jobID: String { "b → gen" }

  func forge(_ change: (inout Manifest) -> Void) throws {
    var m = manifest
    change(&m)
    try m.save(manifestPath)
  }

  func record(_ path: String) -> Manifest.FileRecord {
    let bytes = FileSystem.read(path.hasPrefix("/") ? path : ws.root + "/" + path) ?? []
    return Manifest.FileRecord(hash: ContentHash.hex(bytes), size: Int64(bytes.count), mtime: 0)
  }

  /// Everything but `gen` and `.sebuf`, inside and outside the workspace.
  var state: [String: String] {
    snapshot(ws.root, skipping: ["gen", ".sebuf"]).merging(
      snapshot(outside.root).mapValues { "outside " + $0 }, uniquingKeysWith: { a, _ in a })
  }
}

@Suite struct HostileManifestTests {
  /// Each forged manifest: it must be ignored with a warning, and nothing outside `gen` touched.
  static var forgeries: [(String, (Sandbox, inout Manifest) -> Void)] {
    [
      ("file climbing out", { s, m in m.jobs[s.jobID]!.files["gen/../sebuf.yaml"] = s.record("sebuf.yaml") }),
      (
        "file outside the workspace",
        { s, m in m.jobs[s.jobID]!.files[s.outsideRel + "/victim.txt"] = s.record(s.outside.root + "/victim.txt") }
      ),
      (
        "absolute file",
        { s, m in m.jobs[s.jobID]!.files[s.outside.root + "/victim.txt"] = s.record(s.outside.root + "/victim.txt") }
      ),
      ("config file", { s, m in m.jobs[s.jobID]!.files["sebuf.yaml"] = s.record("sebuf.yaml") }),
      ("proto source", { s, m in m.jobs[s.jobID]!.files["proto/a/v1/a.proto"] = s.record("proto/a/v1/a.proto") }),
      (
        "invocation file outside",
        { s, m in m.jobs[s.jobID]!.invocations["*"] = .init(key: "", files: ["proto/a/v1/a.proto"]) }
      ),
      (
        "foreign out of a current job",
        { s, m in
          m.jobs[s.jobID]!.out = "proto"
          m.jobs[s.jobID]!.files = ["proto/a/v1/a.proto": s.record("proto/a/v1/a.proto")]
        }
      ),
      (
        "removed entry over the sources",
        { s, m in
          m.jobs["old → proto"] = .init(out: "proto", files: ["proto/a/v1/a.proto": s.record("proto/a/v1/a.proto")])
        }
      ),
      (
        "removed entry outside",
        { s, m in
          let out = s.outsideRel
          m.jobs["old → " + out] = .init(
            out: out, files: [out + "/victim.txt": s.record(s.outside.root + "/victim.txt")], dirs: [out + "/empty"],
            dirty: true)
        }
      ),
      (
        "removed entry whose id names another out",
        { s, m in m.jobs["old → gen2"] = .init(out: ".", files: ["sebuf.yaml": s.record("sebuf.yaml")]) }
      ),
      (
        "dirty job pointing elsewhere",
        { s, m in
          m.jobs[s.jobID]!.out = s.outsideRel
          m.jobs[s.jobID]!.dirty = true
        }
      ),
      ("directory outside", { s, m in m.jobs[s.jobID]!.dirs.append(s.outsideRel + "/empty") }),
      ("user directory", { s, m in m.jobs[s.jobID]!.dirs.append("empty-user-dir") }),
      ("cache file", { s, m in m.jobs[s.jobID]!.files[".sebuf/lock"] = s.record(".sebuf/lock") }),
    ]
  }

  @Test(arguments: [false, true]) func forgedManifestsAreIgnoredAndNothingIsDeleted(force: Bool) throws {
    for (name, forge) in Self.forgeries {
      // The generator now writes other files, so everything recorded looks stale.
      let s = try Sandbox()
      let before = s.state
      try s.forge { m in forge(s, &m) }
      s.f.registry = BackendRegistry([.init(fixedBackend("b", [("c.txt", "c\n")]))])
      let result = try s.f.run(GenerateOptions(force: force))
      let warnings = result.diagnostics.map(\.message)
      #expect(
        warnings.contains {
          $0.hasPrefix(
            "ignoring \(s.manifestPath): it is corrupt or was tampered with, so nothing it lists was deleted")
        }, "\(name): \(warnings)")
      #expect(s.state == before, "\(name)")
      // The run rebuilt the manifest: a second run is clean and quiet.
      let again = try s.f.run()
      #expect(!again.diagnostics.contains { $0.message.contains("tampered") }, "\(name)")
      #expect(s.state == before, "\(name)")
    }
  }

  @Test func theWarningNamesTheRecordAndWhatToDo() throws {
    let s = try Sandbox()
    try s.forge { m in m.jobs[s.jobID]!.files["sebuf.yaml"] = s.record("sebuf.yaml") }
    let result = try s.f.run(GenerateOptions(force: true))
    let text = result.diagnostics.map(\.message).joined(separator: "\n")
    #expect(text.contains("job \"b → gen\": file \"sebuf.yaml\" is outside the job's out \"gen\""))
    #expect(text.contains("If .sebuf came from a cache (CI), drop that cache"))
  }

  @Test func aStaleFileEditedByHandIsKept() throws {
    let s = try Sandbox()
    s.ws.write("gen/b.txt", "my edit\n")
    s.f.registry = BackendRegistry([.init(fixedBackend("b", [("a.txt", "a\n")]))])
    let result = try s.f.run()
    #expect(s.ws.read("gen/b.txt") == "my edit\n")
    #expect(
      result.diagnostics.map(\.message).contains(
        "not removing stale gen/b.txt: it was changed since sebuf generated it; remove it by hand if it is not needed"))
  }

  @Test func aStaleFileReplacedByALinkIsKeptAndItsTargetToo() throws {
    let s = try Sandbox()
    s.ws.remove("gen/b.txt")
    try FileManager.default.createSymbolicLink(atPath: s.ws.root + "/gen/b.txt", withDestinationPath: "../sebuf.yaml")
    let before = s.state
    s.f.registry = BackendRegistry([.init(fixedBackend("b", [("a.txt", "a\n")]))])
    let result = try s.f.run(GenerateOptions(force: true))
    #expect(s.state == before)
    #expect(FileSystem.exists(s.ws.root + "/gen/b.txt"))
    #expect(
      result.diagnostics.contains {
        $0.message.hasPrefix("not removing stale gen/b.txt: it is no longer a regular file")
      })
  }

  @Test func aStaleFileBehindASymlinkedDirectoryIsKept() throws {
    let s = try Sandbox(files: [("sub/b.txt", "b\n")])
    // Make gen/sub a link to outside, holding a file with the recorded contents.
    s.ws.remove("gen/sub")
    s.outside.write("sub/b.txt", "b\n")
    try FileManager.default.createSymbolicLink(
      atPath: s.ws.root + "/gen/sub", withDestinationPath: s.outside.root + "/sub")
    let before = s.state
    s.f.registry = BackendRegistry([.init(fixedBackend("b", [("a.txt", "a\n")]))])
    let result = try s.f.run(GenerateOptions(force: true))
    #expect(s.state == before)
    #expect(s.outside.read("sub/b.txt") == "b\n")
    #expect(result.report.summary == ["gen/a.txt:new", "gen/sub/b.txt:stale"])
    #expect(
      result.diagnostics.contains {
        $0.message.hasPrefix("not removing stale gen/sub/b.txt: it is no longer a regular file inside its out dir")
      })
  }

  @Test func legitimateStaleFilesStillGo() throws {
    let s = try Sandbox()
    s.f.registry = BackendRegistry([.init(fixedBackend("b", [("a.txt", "a\n")]))])
    let result = try s.f.run(GenerateOptions(force: true))
    #expect(!s.ws.exists("gen/b.txt"))
    #expect(result.report.summary == ["gen/a.txt:unchanged", "gen/b.txt:stale"])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func aDirtyRunIsCleanedUpInsideItsOutOnly() throws {
    let s = try Sandbox()
    s.ws.write("gen/.sebuf-tmp.leftover", "half\n")
    try s.forge { m in m.jobs[s.jobID]!.dirty = true }
    let before = s.state
    _ = try s.f.run()
    #expect(!s.ws.exists("gen/.sebuf-tmp.leftover"))
    #expect(s.state == before)
    #expect(s.outside.read(".sebuf-tmp.victim") == "also precious\n")
  }
}

@Suite struct OutDirSafetyTests {
  @Test func anOutUnderASymlinkLeadingOutsideIsRefused() throws {
    let outside = TempWorkspace()
    let span = Span(
      file: "sebuf.yaml", start: SourcePosition(line: 5, column: 10), end: SourcePosition(line: 5, column: 13))
    for (out, link) in [("gen", "gen"), ("gen/go", "gen")] {
      let f = Fixture(
        sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: out, span: span)],
        backends: [.init(fixedBackend("b", [("a.txt", "a\n")]))])
      try FileManager.default.createSymbolicLink(atPath: f.ws.root + "/" + link, withDestinationPath: outside.root)
      do {
        try f.run()
        Issue.record("expected a refusal")
      } catch let e as DiagnosticError {
        let d = try #require(e.diagnostics.first)
        #expect(
          d.message.hasPrefix(
            "generate entry 1 (b): out \"\(out)\" goes through the symlink gen, which leads to \(outside.root), outside the workspace"
          ))
        #expect(d.span == span)
      }
      #expect(outside.files(under: ".").isEmpty)
      #expect(!f.ws.exists(".sebuf/manifest.json"))
    }
  }

  @Test func anOutLinkedInsideTheWorkspaceIsFine() throws {
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", [("a.txt", "a\n")]))])
    try FileManager.default.createDirectory(atPath: f.ws.root + "/real", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: f.ws.root + "/gen", withDestinationPath: "real")
    try f.run()
    #expect(f.ws.read("real/a.txt") == "a\n")
  }

  @Test func anOutThatIsAFileIsAPositionedError() throws {
    let span = Span(
      file: "sebuf.yaml", start: SourcePosition(line: 7, column: 10), end: SourcePosition(line: 7, column: 13))
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen", span: span)],
      backends: [.init(fixedBackend("b", [("a.txt", "a\n")]))])
    f.ws.write("gen", "not a directory\n")
    do {
      try f.run()
      Issue.record("expected an error")
    } catch let e as DiagnosticError {
      #expect(
        e.diagnostics.map(\.message) == [
          "generate entry 1 (b): out \"gen\" is a file, not a directory; remove or rename the file, or choose another out"
        ])
      #expect(e.diagnostics.first?.span == span)
    }
    #expect(f.ws.read("gen") == "not a directory\n")
  }

  @Test func aSymlinkedCacheIsRefused() throws {
    let outside = TempWorkspace()
    let f = standardFixture()
    try FileManager.default.createSymbolicLink(atPath: f.ws.root + "/.sebuf", withDestinationPath: outside.root)
    let message = errorText { try f.run() }
    #expect(message?.hasPrefix("\(f.ws.root)/.sebuf is a symlink (to \(outside.root))") == true)
    #expect(outside.files(under: ".").isEmpty)
    #expect(!f.ws.exists("gen"))
  }

  @Test func aLinkLoopInsideOutEndsTheSweep() throws {
    let f = standardFixture()
    try f.run()
    try FileManager.default.createDirectory(atPath: f.ws.root + "/gen/fake/loop", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: f.ws.root + "/gen/fake/loop/a", withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(atPath: f.ws.root + "/gen/fake/loop/b", withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(atPath: f.ws.root + "/proto/loop", withDestinationPath: ".")
    var m = Manifest.load(f.ws.root + "/.sebuf/manifest.json").0
    for id in m.jobs.keys { m.jobs[id]?.dirty = true }
    try m.save(f.ws.root + "/.sebuf/manifest.json")
    try f.run()
    #expect(f.ws.exists("gen/fake/loop/a"))
  }
}

@Suite struct OutputConflictTests {
  @Test func aFileAndADirectoryOfOneNameWriteNothing() throws {
    let cases: [[(String, [(String, String)])]] = [
      [("one", [("x", "file\n"), ("x/y", "inside\n")])],
      [("one", [("x/y/z", "deep\n"), ("x", "file\n")])],
      [("one", [("x", "file\n")]), ("two", [("x/y", "inside\n")])],
    ]
    for backends in cases {
      let f = Fixture(
        sources: standardSources(), entries: backends.map { GenerateEntry(kind: .backend($0.0), out: "gen") },
        backends: backends.map { .init(fixedBackend($0.0, $0.1)) })
      let message = errorText { try f.run() } ?? ""
      #expect(message.contains("both the file gen/x and the file gen/x/"), "\(message)")
      #expect(message.contains("cannot be a file and a directory); nothing was written"))
      #expect(!f.ws.exists("gen"))
      #expect(!f.ws.exists(".sebuf/manifest.json"))
    }
  }

  @Test func aGeneratorThatTurnsAFileIntoADirectoryIsFine() throws {
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", [("x", "file\n")]))])
    try f.run()
    f.registry = BackendRegistry([.init(fixedBackend("b", [("x/y", "inside\n")]))])
    try f.run(GenerateOptions(force: true))
    #expect(f.ws.read("gen/x/y") == "inside\n")
    f.registry = BackendRegistry([.init(fixedBackend("b", [("x", "file again\n")]))])
    try f.run(GenerateOptions(force: true))
    #expect(f.ws.read("gen/x") == "file again\n")
  }

  @Test func aUserFileWhereADirectoryGoesIsAnErrorBeforeWriting() throws {
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", [("a.txt", "a\n"), ("x/y", "inside\n")]))])
    f.ws.write("gen/x", "mine\n")
    let message = errorText { try f.run() }
    #expect(
      message
        == "generate entry 1 (b) writes gen/x/y, but gen/x is a file, not a directory; remove or rename it; nothing was written"
    )
    #expect(!f.ws.exists("gen/a.txt"))
    #expect(f.ws.read("gen/x") == "mine\n")
    // Fixing the layout is all a re-run needs.
    f.ws.remove("gen/x")
    try f.run()
    #expect(f.ws.read("gen/x/y") == "inside\n")
  }

  @Test func aUserDirectoryWhereAFileGoesIsAnErrorBeforeWriting() throws {
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", [("a.txt", "a\n"), ("x", "file\n")]))])
    f.ws.write("gen/x/mine.txt", "mine\n")
    let message = errorText { try f.run() }
    #expect(
      message?.hasPrefix("generate entry 1 (b) writes the file gen/x, but a directory with other files is there")
        == true)
    #expect(!f.ws.exists("gen/a.txt"))
    #expect(f.ws.read("gen/x/mine.txt") == "mine\n")
  }
}

@Suite struct HandEditTests {
  @Test func anEditIsOverwrittenWithAWarning() throws {
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", [("a.txt", "a\n")]))])
    try f.run()
    f.ws.write("gen/a.txt", "edited\n")
    let r = try f.run()
    #expect(f.ws.read("gen/a.txt") == "a\n")
    #expect(
      r.diagnostics.map(\.message) == [
        "overwriting gen/a.txt: it was edited since sebuf generated it (edits to generated files are lost; change the .proto or the generator's options instead)"
      ])
  }

  @Test func aUserFileAtAGeneratedPathIsNamed() throws {
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", [("a.txt", "a\n")]))])
    f.ws.write("gen/a.txt", "mine\n")
    let r = try f.run()
    #expect(f.ws.read("gen/a.txt") == "a\n")
    #expect(
      r.diagnostics.map(\.message).contains { $0.hasPrefix("overwriting gen/a.txt, which sebuf did not generate") })
  }

  @Test func forceRepairsAnEditThatKeptSizeAndMtime() throws {
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", [("a.txt", "aaaa\n")]))])
    try f.run()
    let path = f.ws.root + "/gen/a.txt"
    let before = try #require(FileSystem.stamp(path))
    f.ws.write("gen/a.txt", "bbbb\n")
    var times = [
      timespec(tv_sec: Int(before.mtime / 1_000_000_000), tv_nsec: Int(before.mtime % 1_000_000_000)),
      timespec(tv_sec: Int(before.mtime / 1_000_000_000), tv_nsec: Int(before.mtime % 1_000_000_000)),
    ]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    #expect(FileSystem.stamp(path) == before)
    let r = try f.run(GenerateOptions(force: true))
    #expect(f.ws.read("gen/a.txt") == "aaaa\n")
    #expect(r.report.summary == ["gen/a.txt:changed"])
    #expect(r.diagnostics.contains { $0.message.hasPrefix("overwriting gen/a.txt: it was edited") })
  }
}

@Suite struct PluginNameTests {
  /// A plugin name from sebuf.yaml is a file name, never an argument: one that looks like
  /// an option is simply not found, and nothing runs or is written.
  @Test func optionLikePluginNamesAreNotFound() throws {
    for name in ["--help", "-o", "--output=/tmp/sebuf-evil"] {
      let f = Fixture(
        sources: standardSources(), entries: [GenerateEntry(kind: .plugin(name), out: "gen")], backends: [])
      let message = errorText { try f.run() } ?? ""
      #expect(message.contains("not found on PATH") || message.contains("no executable file at"), "\(message)")
      #expect(!f.ws.exists("gen"))
      #expect(!FileManager.default.fileExists(atPath: "/tmp/sebuf-evil"))
    }
  }
}

@Suite struct StderrFloodTests {
  /// A plugin that writes 200 MB to stderr and succeeds: the run works, and what is
  /// kept of its stderr (shown as a warning) is the bounded head and tail.
  @Test func twoHundredMegabytesOfPluginStderrAreCut() throws {
    let plugin = ScriptPlugin(
      response: Response.file("a.txt", "a\n"),
      body:
        "cat > /dev/null\nhead -c 200000000 /dev/zero | tr '\\0' x >&2\necho last line >&2\ncat \"$D/response.bin\"\n")
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .plugin(plugin.path), out: "gen", strategy: .all)],
      backends: [])
    let result = try f.run()
    #expect(f.ws.read("gen/a.txt") == "a\n")
    let printed = try #require(result.diagnostics.first { $0.message.hasPrefix("plugin \(plugin.path) printed:") })
    #expect(printed.message.utf8.count < ProcessRunner.defaultStderrLimit + 200)
    #expect(printed.message.contains("bytes of output cut"))
    #expect(printed.message.hasSuffix("last line"))
  }
}

@Suite struct RemovedEntryTests {
  /// A vetted manifest still lets a full run clean up after an entry removed from
  /// sebuf.yaml, also one whose out was written as an absolute path.
  @Test func filesOfARemovedEntryWithAnAbsoluteOutAreRemoved() throws {
    let f = Fixture(
      sources: standardSources(),
      entries: [GenerateEntry(kind: .backend("b"), out: "gen/keep"), GenerateEntry(kind: .backend("b"), out: "")],
      backends: [.init(fixedBackend("b", [("a.txt", "a\n")]))])
    f.entries[1].out = f.ws.root + "/gen/abs"
    try f.run()
    #expect(f.ws.read("gen/abs/a.txt") == "a\n")
    f.entries.removeLast()
    let r = try f.run()
    #expect(!f.ws.exists("gen/abs"))
    #expect(f.ws.read("gen/keep/a.txt") == "a\n")
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
    #expect(r.report.orphanRemovals.map(\.path) == ["gen/abs/a.txt"])
  }
}

@Suite struct InterruptedRunTests {
  /// A run interrupted after marking its job dirty and before writing: the next plain run
  /// writes everything, removes nothing it should keep, and reports no hand edits.
  @Test func aPlainRerunRepairsAnInterruptedRun() throws {
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .backend("b"), out: "gen")],
      backends: [.init(fixedBackend("b", [("a.txt", "a\n"), ("b.txt", "b\n")]))])
    try f.run()
    // What markDirty records for a run that would write a.txt anew, then dies.
    var m = Manifest.load(f.ws.root + "/.sebuf/manifest.json").0
    let id = try #require(m.jobs.keys.first)
    m.jobs[id]?.dirty = true
    m.jobs[id]?.inputs = ""
    m.jobs[id]?.files["gen/a.txt"] = Manifest.FileRecord(hash: ContentHash.hex(Array("A\n".utf8)), size: -1, mtime: 0)
    try m.save(f.ws.root + "/.sebuf/manifest.json")
    f.ws.write("gen/.sebuf-tmp.a.txt.1", "A\n")
    f.registry = BackendRegistry([.init(fixedBackend("b", [("a.txt", "A\n"), ("b.txt", "b\n")]))])
    let r = try f.run()
    #expect(f.ws.read("gen/a.txt") == "A\n")
    #expect(f.ws.read("gen/b.txt") == "b\n")
    #expect(!f.ws.exists("gen/.sebuf-tmp.a.txt.1"))
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
    #expect(Manifest.load(f.ws.root + "/.sebuf/manifest.json").0.jobs[id]?.dirty == false)
  }
}
