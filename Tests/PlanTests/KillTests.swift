import Backends
import Basics
import Config
import Foundation
import Plan
import Proto
import Testing

/// Kills a writing `sebuf generate` (this test binary re-run as a child) and checks that
/// every output is then either the old or the new file, never a partial one.
@Suite struct KillTests {
  static let childVariable = "SEBUF_PLAN_TEST_CHILD_ROOT"
  static let fileCount = 24
  static let fileSize = 384 * 1024

  /// A generation over `root` whose backend writes `fileCount` large files, all made of
  /// the character `version`.
  static func generation(root: String, version: Character) -> Generation {
    let backend = FakeBackend(name: "big") { _, _ in
      (0..<fileCount).map { i in
        GeneratedFile(
          path: "f\(i).txt", contents: [UInt8](repeating: UInt8(ascii: version.unicodeScalars.first!), count: fileSize))
      }
    }
    let workspace = Workspace(
      root: root, modules: [Module(path: "proto")], generate: [GenerateEntry(kind: .backend("big"), out: "gen")])
    let planner = Planner(workspace: workspace, registry: BackendRegistry([.init(backend)]))
    let image = makeImage([Source(name: "k/k.proto", messages: ["K"])])
    return Generation(planner: planner, compile: { _, _ in (image, []) })
  }

  /// The child's side: runs only when the parent set the variable.
  @Test func childWriter() throws {
    guard let root = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
    _ = try Self.generation(root: root, version: "B").run(GenerateOptions(force: true))
  }

  @Test func killedMidWriteLeavesOldOrNewFilesNeverPartialOnes() throws {
    let ws = TempWorkspace()
    ws.write("proto/k/k.proto", "syntax = \"proto3\";\n")
    var interrupted = 0
    for round in 0..<4 {
      _ = try Self.generation(root: ws.root, version: "A").run(GenerateOptions(force: true))

      let child = Process()
      child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
      child.arguments = ["--testing-library", "swift-testing", "--filter", "KillTests/childWriter"]
      var env = ProcessInfo.processInfo.environment
      env[Self.childVariable] = ws.root
      child.environment = env
      child.standardOutput = FileHandle.nullDevice
      child.standardError = FileHandle.nullDevice
      try child.run()
      // Kill as soon as the child is writing: on the first temp file (round 0, 2) or the
      // first finished new file (round 1, 3).
      let deadline = Date().addingTimeInterval(60)
      var killed = false
      while Date() < deadline && child.isRunning {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: ws.root + "/gen")) ?? []
        let writing =
          round % 2 == 0
          ? names.contains { $0.hasPrefix(".sebuf-tmp.") }
          : names.contains {
            $0.hasSuffix(".txt") && FileSystem.read(ws.root + "/gen/" + $0)?.first == UInt8(ascii: "B")
          }
        if writing {
          kill(child.processIdentifier, SIGKILL)
          killed = true
          break
        }
        usleep(200)
      }
      child.waitUntilExit()
      if killed && child.terminationReason == .uncaughtSignal { interrupted += 1 }

      var versions: Set<UInt8> = []
      for i in 0..<Self.fileCount {
        let bytes = try #require(FileSystem.read(ws.root + "/gen/f\(i).txt"))
        #expect(bytes.count == Self.fileSize, "f\(i).txt has \(bytes.count) bytes")
        #expect(Set(bytes).count == 1, "f\(i).txt mixes versions")
        if let v = bytes.first { versions.insert(v) }
      }
      #expect(versions.isSubset(of: [UInt8(ascii: "A"), UInt8(ascii: "B")]))

      // The next run completes the job and sweeps the dead run's temp files.
      let next = try Self.generation(root: ws.root, version: "B").run(GenerateOptions())
      #expect(next.compiled)
      for i in 0..<Self.fileCount {
        #expect(FileSystem.read(ws.root + "/gen/f\(i).txt")?.first == UInt8(ascii: "B"))
      }
      let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: ws.root + "/gen")) ?? []).filter {
        $0.hasPrefix(".sebuf-tmp.")
      }
      #expect(leftovers.isEmpty)
    }
    // The test only proves something if it did interrupt writers.
    #expect(interrupted > 0)
  }
}
