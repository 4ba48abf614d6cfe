import Backends
import Basics
import Config
import Diagnostics
import Foundation
import Plan
import Proto
import SwiftProtobuf
import SwiftProtobufPluginLibrary
import Testing

/// Hand-encoded CodeGeneratorResponse (so the test does not depend on the code under test).
enum Response {
  static func varint(_ v: Int) -> [UInt8] {
    var v = UInt64(v)
    var out: [UInt8] = []
    repeat {
      var b = UInt8(v & 0x7f)
      v >>= 7
      if v != 0 { b |= 0x80 }
      out.append(b)
    } while v != 0
    return out
  }
  static func bytes(_ field: Int, _ value: [UInt8]) -> [UInt8] { varint(field << 3 | 2) + varint(value.count) + value }
  static func file(_ name: String, _ content: String, insertionPoint: String? = nil) -> [UInt8] {
    var body = bytes(1, Array(name.utf8))
    if let insertionPoint { body += bytes(2, Array(insertionPoint.utf8)) }
    body += bytes(15, Array(content.utf8))
    return bytes(15, body)
  }
  static func features(_ f: Int) -> [UInt8] { varint(2 << 3) + varint(f) }
  static func error(_ text: String) -> [UInt8] { bytes(1, Array(text.utf8)) }
}

/// A shell-script plugin that records its request and replies with fixed bytes.
struct ScriptPlugin {
  let dir = TempWorkspace()
  let path: String

  init(response: [UInt8], body: String = "cat > \"$D/request.bin\"\ncat \"$D/response.bin\"\n") {
    path = dir.root + "/protoc-gen-test"
    // Written with close-on-exec descriptors: a script another test's child inherited
    // open for writing could not be executed (ETXTBSY).
    try! FileSystem.writeAtomically(response, to: dir.root + "/response.bin")
    try! FileSystem.writeAtomically(Array("#!/bin/sh\nD='\(dir.root)'\n\(body)".utf8), to: path)
    chmod(path, 0o755)
  }

  var request: [UInt8]? { FileSystem.read(dir.root + "/request.bin") }
}

@Suite struct PluginRunTests {
  func fixture(_ plugins: [ScriptPlugin], options: [(String, String)] = [], out: String = "gen") -> Fixture {
    Fixture(
      sources: standardSources(),
      entries: plugins.map {
        GenerateEntry(
          kind: .plugin($0.path), out: out, options: options.map { (key: $0.0, value: $0.1) }, strategy: .all)
      },
      backends: [])
  }

  @Test func aPluginsFilesAreWrittenAndItGetsTheRequest() throws {
    let plugin = ScriptPlugin(response: Response.file("x/out.txt", "hello\n") + Response.features(1))
    let f = fixture([plugin], options: [("paths", "source_relative"), ("flag", "")])
    let r = try f.run()
    #expect(r.report.summary == ["gen/x/out.txt:new"])
    #expect(f.ws.read("gen/x/out.txt") == "hello\n")
    let request = try Google_Protobuf_Compiler_CodeGeneratorRequest(serializedBytes: try #require(plugin.request))
    #expect(request.fileToGenerate == ["a/v1/a.proto", "b/v1/b.proto", "c/v1/c.proto"])
    #expect(request.parameter == "paths=source_relative,flag")
    #expect(request.protoFile.map(\.name) == ["b/v1/b.proto", "a/v1/a.proto", "c/v1/c.proto"])
    #expect(request.sourceFileDescriptors.map(\.name) == ["b/v1/b.proto", "a/v1/a.proto", "c/v1/c.proto"])
    #expect(
      request.compilerVersion.major == 7 && request.compilerVersion.minor == 36 && request.compilerVersion.patch == 2)

    // Unchanged inputs and plugin: not run again.
    try FileManager.default.removeItem(atPath: plugin.dir.root + "/request.bin")
    let again = try f.run()
    #expect(again.report.skippedJobs == 1)
    #expect(plugin.request == nil)
  }

  /// protoc 36's edition checks on a plugin's response, on hand-built descriptors.
  @Test func editionsFilesNeedAPluginThatTakesTheirEdition() throws {
    func file(_ name: String, syntax: String, edition: Google_Protobuf_Edition = .unknown) -> ImageFile {
      var d = Google_Protobuf_FileDescriptorProto()
      d.name = name
      d.syntax = syntax
      if syntax == "editions" { d.edition = edition }
      return ImageFile(descriptor: d, isImport: false, displayPath: "proto/" + name)
    }
    let e2023 = file("a/e.proto", syntax: "editions", edition: .edition2023)
    let e2024 = file("a/f.proto", syntax: "editions", edition: .edition2024)
    let p3 = file("a/p.proto", syntax: "proto3")
    var response = Google_Protobuf_Compiler_CodeGeneratorResponse()
    response.supportedFeatures = 1
    #expect(PluginRunner.editionsProblem(response, files: [p3], codeGenerator: "protoc-gen-x") == nil)
    #expect(
      PluginRunner.editionsProblem(response, files: [p3, e2023], codeGenerator: "protoc-gen-x")?.message
        == "a/e.proto: is an editions file, but code generator protoc-gen-x hasn't been updated to support editions yet.  Please ask the owner of this code generator to add support or switch back to proto2/proto3.\n\nSee https://protobuf.dev/editions/overview/ for more information."
    )
    // protobuf's own files are exempt.
    #expect(
      PluginRunner.editionsProblem(
        response, files: [file("google/protobuf/x.proto", syntax: "editions", edition: .edition2023)],
        codeGenerator: "protoc-gen-x") == nil)
    response.supportedFeatures = 3
    response.minimumEdition = Int32(Google_Protobuf_Edition.edition2024.rawValue)
    response.maximumEdition = Int32(Google_Protobuf_Edition.edition2024.rawValue)
    #expect(
      PluginRunner.editionsProblem(response, files: [e2023], codeGenerator: "protoc-gen-x")?.message
        == "a/e.proto: is a file using edition 2023, which isn't supported by code generator protoc-gen-x.  Please upgrade your file to at least edition 2024."
    )
    #expect(PluginRunner.editionsProblem(response, files: [e2024], codeGenerator: "protoc-gen-x") == nil)
    response.minimumEdition = Int32(Google_Protobuf_Edition.edition2023.rawValue)
    response.maximumEdition = Int32(Google_Protobuf_Edition.edition2023.rawValue)
    #expect(
      PluginRunner.editionsProblem(response, files: [e2024], codeGenerator: "protoc-gen-x")?.message
        == "a/f.proto: is a file using edition 2024, which isn't supported by code generator protoc-gen-x.  Please ask the owner of this code generator to add support or switch back to a maximum of edition 2023."
    )
  }

  @Test func aLaterPluginFillsAnEarlierOnesInsertionPoint() throws {
    let first = ScriptPlugin(response: Response.file("a.txt", "start\n    // @@protoc_insertion_point(here)\nend\n"))
    let second = ScriptPlugin(response: Response.file("a.txt", "inserted\n", insertionPoint: "here"))
    let f = fixture([first, second])
    try f.run()
    #expect(f.ws.read("gen/a.txt") == "start\n    inserted\n    // @@protoc_insertion_point(here)\nend\n")
    // A no-op run keeps it; a forced run does not insert twice.
    try f.run()
    try f.run(GenerateOptions(force: true))
    #expect(f.ws.read("gen/a.txt") == "start\n    inserted\n    // @@protoc_insertion_point(here)\nend\n")
  }

  @Test func insertionsAcrossInvocationsAreAppliedExactlyOnce() throws {
    // One plugin, directory strategy: the a/v1 invocation writes base.txt, the c/v1 one
    // fills its insertion point. Editing either must leave exactly one insertion.
    let plugin = ScriptPlugin(
      response: Response.file("base.txt", "begin\n// @@protoc_insertion_point(x)\nend\n"),
      body: """
        R=$(mktemp)
        cat > "$R"
        if grep -q 'a/v1/a.proto' "$R"; then cat "$D/response.bin"
        elif grep -q 'c/v1/c.proto' "$R"; then cat "$D/insert.bin"; fi
        rm -f "$R"
        echo run >> "$D/runs.log"

        """)
    try FileSystem.writeAtomically(
      Response.file("base.txt", "from c\n", insertionPoint: "x"), to: plugin.dir.root + "/insert.bin")
    let f = Fixture(
      sources: standardSources(), entries: [GenerateEntry(kind: .plugin(plugin.path), out: "gen")], backends: [])
    let expected = "begin\nfrom c\n// @@protoc_insertion_point(x)\nend\n"
    try f.run()
    #expect(f.ws.read("gen/base.txt") == expected)
    let job = try #require(Manifest.load(f.ws.root + "/.sebuf/manifest.json").0.jobs.values.first)
    #expect(job.invocations["c/v1"]?.inserts == ["gen/base.txt"])

    f.sources[2].messages = ["C2"]  // only c changes: a must run again for a fresh base
    f.syncSources()
    try f.run()
    #expect(f.ws.read("gen/base.txt") == expected)

    f.sources[0].messages = ["A2"]  // only a changes: c must fill it again
    f.syncSources()
    try f.run()
    #expect(f.ws.read("gen/base.txt") == expected)
    let runs = String(decoding: FileSystem.read(plugin.dir.root + "/runs.log") ?? [], as: UTF8.self)
    try f.run()
    #expect(String(decoding: FileSystem.read(plugin.dir.root + "/runs.log") ?? [], as: UTF8.self) == runs)
  }

  @Test func aFailingPluginWritesNothingAndShowsItsStderr() throws {
    let good = ScriptPlugin(response: Response.file("good.txt", "g\n"))
    let bad = ScriptPlugin(response: [], body: "cat > /dev/null\necho 'something broke' >&2\nexit 3\n")
    let f = Fixture(
      sources: standardSources(),
      entries: [
        GenerateEntry(kind: .plugin(good.path), out: "gen/good"),
        GenerateEntry(kind: .plugin(bad.path), name: "broken", out: "gen/bad"),
      ], backends: [])
    let message = errorText { try f.run() }
    #expect(message?.contains("generate entry 2 (broken)") == true)
    #expect(message?.contains("plugin \(bad.path): exit status 3\nplugin stderr:\nsomething broke") == true)
    #expect(!f.ws.exists("gen"))
  }

  @Test func aResponseErrorFailsTheRun() throws {
    let plugin = ScriptPlugin(response: Response.error("unsupported option foo"))
    let message = errorText { try fixture([plugin]).run() }
    #expect(message == "generate entry 1 (\(plugin.path)) failed: plugin \(plugin.path): unsupported option foo")
  }

  @Test func aHungPluginIsKilledAfterTheTimeout() throws {
    let plugin = ScriptPlugin(response: [], body: "exec sleep 30\n")
    let runner = PluginRunner(name: "hang", executable: plugin.path, timeout: 0.5)
    let message = errorText {
      _ = try runner.run(image: makeImage(standardSources()), filesToGenerate: ["c/v1/c.proto"], parameter: "")
    }
    #expect(message?.hasPrefix("plugin hang: did not finish within 0.5 s and was killed") == true)
  }

  @Test func aPluginThatIgnoresStdinDoesNotKillSebuf() throws {
    // A request much bigger than a pipe buffer, and a plugin that never reads it.
    let big = (0..<400).map {
      Source(name: "p\($0)/f.proto", messages: (0..<30).map { "Message\($0)WithAVeryLongName" })
    }
    let plugin = ScriptPlugin(response: [], body: "printf ''\n")
    let runner = PluginRunner(name: "lazy", executable: plugin.path, timeout: 20)
    let output = try runner.run(image: makeImage(big), filesToGenerate: big.map(\.name), parameter: "")
    #expect(output.files.isEmpty)
  }

  @Test func proto3OptionalNeedsThePluginsSupport() throws {
    var d = Source(name: "o/v1/o.proto", messages: ["O"]).descriptor
    var field = Google_Protobuf_FieldDescriptorProto()
    field.name = "maybe"
    field.number = 1
    field.type = .int32
    field.proto3Optional = true
    d.messageType[0].field = [field]
    let image = Image(files: [ImageFile(descriptor: d, isImport: false, displayPath: "proto/o/v1/o.proto")])

    let unaware = ScriptPlugin(response: Response.file("o.txt", "x\n"))
    let runner = PluginRunner(name: "unaware", executable: unaware.path)
    let message = errorText { _ = try runner.run(image: image, filesToGenerate: ["o/v1/o.proto"], parameter: "") }
    #expect(
      message
        == "o/v1/o.proto: is a proto3 file that contains optional fields, but code generator protoc-gen-unaware hasn't been updated to support optional fields in proto3. Please ask the owner of this code generator to support proto3 optional."
    )
    let aware = ScriptPlugin(response: Response.file("o.txt", "x\n") + Response.features(1))
    let output = try PluginRunner(name: "aware", executable: aware.path).run(
      image: image, filesToGenerate: ["o/v1/o.proto"], parameter: "")
    #expect(output.files == [GeneratedFile(path: "o.txt", contents: Array("x\n".utf8))])
  }

  @Test func pluginsAreFoundOnPathByShortName() throws {
    let plugin = ScriptPlugin(response: [])
    let dir = plugin.dir.root
    #expect(PluginRunner.locate("test", relativeTo: "/", searchPath: "/nonexistent:\(dir)") == plugin.path)
    #expect(PluginRunner.locate("protoc-gen-test", relativeTo: "/", searchPath: dir) == plugin.path)
    #expect(PluginRunner.locate("other", relativeTo: "/", searchPath: dir) == nil)
    #expect(PluginRunner.locate("./protoc-gen-test", relativeTo: dir, searchPath: nil) == dir + "/./protoc-gen-test")
  }
}
