import Diagnostics
import Proto

/// Collects one Go backend run's files: per-proto files plus the per-package runtime
/// files, each runtime emitted once per output directory (= one Go package).
public struct GoPackageOutput {
  let layout: GoLayout
  let tool: String
  private var generated: [String: String] = [:]
  /// Runtimes already emitted, by output directory and runtime.
  private var emitted: Set<String> = []
  private var json: GoJSONFiles

  public init(layout: GoLayout, tool: String) {
    self.layout = layout
    self.tool = tool
    json = GoJSONFiles(mapping: GoJSONMapping(layout: layout))
  }

  /// Adds the `<name><suffix>` file of `file`.
  public mutating func add(file: String, suffix: String, text: String) throws {
    generated[try layout.outputPath(of: file, suffix: suffix)] = text
  }

  /// Adds the backend's runtime files (their headers name `tool`) and `sebuf_errors.pb.go`
  /// to the directory of `file`, each once: the first file with services names those
  /// upstream names after a proto file.
  public mutating func addRuntime(_ runtimes: [GoRuntime], for file: String) throws {
    // The JSON runtime's bytes must not depend on the backend: go-client may write it too.
    for runtime in runtimes { try addShared(runtime, for: file, tool: runtime == .json ? "" : tool) }
    let dir = try layout.outputDirectory(of: file)
    let path = (dir.isEmpty ? "" : dir + "/") + GoRuntime.errors.fileName
    if generated[path] == nil {
      generated[path] = GoErrorTypes(layout: layout).render(package: try layout.package(of: file))
    }
  }

  /// Checks the JSON-mapping annotations of `file` and adds its JSON files (and the
  /// package's `sebuf_json.pb.go`) when a message or enum of it needs custom JSON.
  public mutating func addJSON(for file: String) throws {
    let problems = json.mapping.check(file: file)
    if !problems.isEmpty { throw DiagnosticError(problems) }
    let files = try json.render(file: file)
    for f in files { try add(file: file, suffix: f.suffix, text: f.text) }
    if !files.isEmpty { try addShared(.json, for: file, tool: "") }
  }

  private mutating func addShared(_ runtime: GoRuntime, for file: String, tool: String) throws {
    let dir = try layout.outputDirectory(of: file)
    guard emitted.insert("\(dir)\u{0}\(runtime.rawValue)").inserted else { return }
    let path =
      if let suffix = runtime.protoSuffix {
        try layout.outputPath(of: file, suffix: suffix)
      } else {
        (dir.isEmpty ? "" : dir + "/") + runtime.fileName
      }
    generated[path] = runtime.text(package: try layout.package(of: file).name, tool: tool)
  }

  /// The files, sorted by path.
  public func files() -> [GeneratedFile] {
    generated.sorted { $0.key < $1.key }.map { GeneratedFile(path: $0.key, text: $0.value) }
  }
}
