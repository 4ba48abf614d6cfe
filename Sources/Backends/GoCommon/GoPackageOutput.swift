import Diagnostics
import Proto

/// Collects one Go backend run's files: per-proto files plus the per-package runtime
/// files, each runtime emitted once per output directory (= one Go package).
public struct GoPackageOutput {
  let layout: GoLayout
  let tool: String
  private var generated: [String: String] = [:]
  private var json: GoJSONMapping

  public init(layout: GoLayout, tool: String) {
    self.layout = layout
    self.tool = tool
    json = GoJSONMapping(layout: layout)
  }

  /// Adds the `<name><suffix>` file of `file`.
  public mutating func add(file: String, suffix: String, text: String) throws {
    generated[try layout.outputPath(of: file, suffix: suffix)] = text
  }

  /// Adds the backend's runtime file (its header names `tool`) and `sebuf_errors.pb.go` to
  /// the directory of `file`, each once.
  public mutating func addRuntime(_ runtime: GoRuntime, for file: String) throws {
    try addShared(runtime, for: file, tool: tool)
    try addShared(.errors, for: file, tool: "")
  }

  /// Checks the JSON-mapping annotations of `file` and adds `<name>_json.pb.go` (and
  /// the package's `sebuf_json.pb.go`) when a message of it needs custom JSON.
  public mutating func addJSON(for file: String) throws {
    let problems = json.check(file: file)
    if !problems.isEmpty { throw DiagnosticError(problems) }
    guard let text = try json.render(file: file) else { return }
    try add(file: file, suffix: "_json.pb.go", text: text)
    try addShared(.json, for: file, tool: "")
  }

  private mutating func addShared(_ runtime: GoRuntime, for file: String, tool: String) throws {
    let dir = try layout.outputDirectory(of: file)
    let path = (dir.isEmpty ? "" : dir + "/") + runtime.fileName
    if generated[path] == nil { generated[path] = runtime.text(package: try layout.package(of: file).name, tool: tool) }
  }

  /// The files, sorted by path.
  public func files() -> [GeneratedFile] {
    generated.sorted { $0.key < $1.key }.map { GeneratedFile(path: $0.key, text: $0.value) }
  }
}
