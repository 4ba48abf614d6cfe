import Backends
import Diagnostics
import Foundation
import Proto

/// The Go backends' test corpus: `Golden/go-http/proto` (compiled by sebuf's compiler)
/// and golden outputs beside it.
enum GoCorpus {
  static let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// The corpus image, compiled by sebuf's compiler from `Golden/go-http/proto`.
  static func corpus() throws -> Image {
    try compiled(goldenRoot.appendingPathComponent("go-http/proto"))
  }

  /// Compiles every `.proto` file under `dir` (bundled WKTs and sebuf protos resolve).
  static func compiled(_ dir: URL) throws -> Image {
    let (image, diagnostics) = compile(SourceSet(roots: [.init(directory: dir.path, displayPrefix: "")]))
    guard let image else { throw DiagnosticError(diagnostics) }
    return image
  }

  /// Runs `backend` on the corpus targets with `options`.
  static func generate(_ backend: some Backend, image: Image, options: [(key: String, value: String)]) throws
    -> [GeneratedFile]
  {
    try backend.generate(
      GenerationRequest(image: image, filesToGenerate: image.targets.map(\.name), options: options))
  }

  /// The rendered diagnostics `body` throws (text format), or [] when it succeeds.
  static func diagnostics(_ body: () throws -> Any) -> [String] {
    do {
      _ = try body()
      return []
    } catch let e as DiagnosticError {
      return e.diagnostics.map { DiagnosticFormat.text.format($0).trimmingCharacters(in: .newlines) }
    } catch {
      return ["\(error)"]
    }
  }

  /// Compares `files` with the tree at `expected`; with SEBUF_UPDATE_GOLDEN=1 rewrites it.
  /// Returns the differences (and always one entry after a rewrite, so the run fails).
  static func compare(_ files: [GeneratedFile], expected: URL) throws -> [String] {
    let fm = FileManager.default
    var existing: Set<String> = []
    if let e = fm.enumerator(at: expected, includingPropertiesForKeys: nil) {
      for case let url as URL in e where !url.hasDirectoryPath {
        existing.insert(String(url.path.dropFirst(expected.path.count + 1)))
      }
    }
    var problems: [String] = []
    for f in files {
      let url = expected.appendingPathComponent(f.path)
      let current = try? Data(contentsOf: url)
      if current != Data(f.contents) { problems.append("\(f.path) differs from the golden file") }
    }
    let produced = Set(files.map(\.path))
    for path in existing.subtracting(produced).sorted() { problems.append("\(path) is golden but not generated") }
    if ProcessInfo.processInfo.environment["SEBUF_UPDATE_GOLDEN"] == "1", !problems.isEmpty {
      try? fm.removeItem(at: expected)
      for f in files {
        let url = expected.appendingPathComponent(f.path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(f.contents).write(to: url)
      }
      return ["goldens under \(expected.path) were rewritten; review `git diff` and run again"]
    }
    return problems
  }
}
