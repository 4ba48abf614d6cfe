import Backends
import Basics
import Config
import Diagnostics
import Foundation
import Plan
import Proto
import SwiftProtobuf

/// A temporary workspace on disk: `proto/` holds sources, outputs go under `gen/`.
final class TempWorkspace {
  let root: String

  init() {
    let base = FileManager.default.temporaryDirectory.path
    let dir = base + "/sebuf-plan-\(getpid())-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    root =
      FileManager.default.fileExists(atPath: dir)
      ? (realpath(dir, nil).map { p in
        defer { free(p) }
        return String(cString: p)
      } ?? dir) : dir
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func write(_ path: String, _ text: String) {
    let abs = root + "/" + path
    try! FileManager.default.createDirectory(
      atPath: (abs as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try! Data(text.utf8).write(to: URL(fileURLWithPath: abs))
  }

  func read(_ path: String) -> String? {
    (try? Data(contentsOf: URL(fileURLWithPath: root + "/" + path))).map { String(decoding: $0, as: UTF8.self) }
  }

  func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + path) }

  func remove(_ path: String) { try? FileManager.default.removeItem(atPath: root + "/" + path) }

  /// mtime (ns) and inode of a file: both stay put when sebuf leaves the file alone.
  func identity(_ path: String) -> [Int64] {
    var st = stat()
    guard stat(root + "/" + path, &st) == 0 else { return [] }
    return [Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec), Int64(st.st_ino)]
  }

  /// Every regular file under `dir`, relative to the workspace, sorted.
  func files(under dir: String) -> [String] {
    guard let e = FileManager.default.enumerator(atPath: root + "/" + dir) else { return [] }
    var result: [String] = []
    while let p = e.nextObject() as? String {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + dir + "/" + p, isDirectory: &isDir), !isDir.boolValue {
        result.append(dir + "/" + p)
      }
    }
    return result.sorted()
  }
}

/// A tiny proto model for tests: files with messages and imports; written to disk as
/// `.proto` text (so the source fingerprint sees edits) and turned into an Image.
struct Source {
  var name: String
  var imports: [String] = []
  var messages: [String]
  var isImport = false

  var text: String {
    var s = "syntax = \"proto3\";\npackage \(package);\n"
    for i in imports { s += "import \"\(i)\";\n" }
    for m in messages { s += "message \(m) {}\n" }
    return s
  }

  var package: String { PathRules.directory(of: name).replacingOccurrences(of: "/", with: ".") }

  var descriptor: Google_Protobuf_FileDescriptorProto {
    var d = Google_Protobuf_FileDescriptorProto()
    d.name = name
    d.package = package
    d.syntax = "proto3"
    d.dependency = imports
    d.messageType = messages.map { m in
      var msg = Google_Protobuf_DescriptorProto()
      msg.name = m
      return msg
    }
    return d
  }
}

/// Orders sources so each comes after its imports, and builds the Image.
func makeImage(_ sources: [Source]) -> Image {
  var byName: [String: Source] = [:]
  for s in sources { byName[s.name] = s }
  var done = Set<String>()
  var files: [ImageFile] = []
  func visit(_ s: Source) {
    guard done.insert(s.name).inserted else { return }
    for i in s.imports { if let d = byName[i] { visit(d) } }
    files.append(
      ImageFile(descriptor: s.descriptor, isImport: s.isImport, displayPath: s.isImport ? s.name : "proto/" + s.name))
  }
  for s in sources.sorted(by: { $0.name < $1.name }) { visit(s) }
  return Image(files: files)
}

/// A fake native backend: for each file to generate, `<name>.txt` listing its messages
/// and those of its direct imports (so an import's edit changes the output). Counts its
/// invocations so tests can see what was skipped.
final class FakeBackend: Backend, @unchecked Sendable {
  let name: String
  private let lock = NSLock()
  private var _calls: [[String]] = []
  var transform: @Sendable (String, GenerationRequest) throws -> [GeneratedFile]

  init(name: String = "fake", transform: (@Sendable (String, GenerationRequest) throws -> [GeneratedFile])? = nil) {
    self.name = name
    self.transform = transform ?? { _, _ in [] }
    if transform == nil { self.transform = FakeBackend.standard(name) }
  }

  var calls: [[String]] {
    lock.lock()
    defer { lock.unlock() }
    return _calls
  }

  func generate(_ request: GenerationRequest) throws -> [GeneratedFile] {
    lock.lock()
    _calls.append(request.filesToGenerate)
    lock.unlock()
    return try transform(name, request)
  }

  static func standard(_ tag: String) -> @Sendable (String, GenerationRequest) throws -> [GeneratedFile] {
    { _, request in
      request.filesToGenerate.map { f in
        let file = request.image.file(named: f)!
        var text = "// \(tag) for \(f)\n"
        for m in file.descriptor.messageType { text += "message \(m.name)\n" }
        for d in file.descriptor.dependency {
          for m in request.image.file(named: d)?.descriptor.messageType ?? [] { text += "uses \(d): \(m.name)\n" }
        }
        if let opt = request.option("suffix") { text += "suffix \(opt)\n" }
        return GeneratedFile(path: f.replacingOccurrences(of: ".proto", with: ".txt"), text: text)
      }
    }
  }
}

/// A workspace, sources and backends wired together for one test.
final class Fixture {
  let ws = TempWorkspace()
  var sources: [Source]
  var entries: [GenerateEntry]
  var registry: BackendRegistry
  var managed = ManagedConfig()

  init(sources: [Source], entries: [GenerateEntry], backends: [BackendRegistry.Registration]) {
    self.sources = sources
    self.entries = entries
    self.registry = BackendRegistry(backends)
    syncSources()
  }

  /// Writes the `.proto` texts (and removes deleted ones).
  func syncSources() {
    ws.remove("proto")
    for s in sources where !s.isImport { ws.write("proto/" + s.name, s.text) }
  }

  var workspace: Workspace {
    Workspace(root: ws.root, modules: [Module(path: "proto")], generate: entries, managed: managed)
  }

  func generation() -> Generation {
    let image = makeImage(sources)
    let planner = Planner(
      workspace: workspace, registry: registry, searchPath: ProcessInfo.processInfo.environment["PATH"])
    return Generation(planner: planner, compile: { _, _ in (image, []) })
  }

  @discardableResult
  func run(_ options: GenerateOptions = GenerateOptions()) throws -> GenerationResult {
    try generation().run(options)
  }
}

extension WriteReport {
  /// `path:kind` for every change, sorted: compact to assert on.
  var summary: [String] {
    (jobs.flatMap(\.changes) + orphanRemovals).map { "\($0.path):\($0.kind.rawValue)" }.sorted()
  }
}

/// Messages of a thrown DiagnosticError, joined.
func errorText(_ body: () throws -> Void) -> String? {
  do {
    try body()
    return nil
  } catch let e as DiagnosticError {
    return e.diagnostics.map(\.message).joined(separator: "\n")
  } catch {
    return "\(error)"
  }
}
