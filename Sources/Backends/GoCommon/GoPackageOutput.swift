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

  /// Adds a runtime file (and `sebuf_errors.pb.go`) to the directory of `file` once.
  public mutating func addRuntime(for file: String, name: String, text: (String) -> String) throws {
    try addShared(for: file, name: name, text: text)
    try addShared(for: file, name: "sebuf_errors.pb.go") { GoErrorsRuntime.text(package: $0, tool: "") }
  }

  /// Checks the JSON-mapping annotations of `file` and adds `<name>_json.pb.go` (and
  /// the package's `sebuf_json.pb.go`) when a message of it needs custom JSON.
  public mutating func addJSON(for file: String) throws {
    let problems = json.check(file: file)
    if !problems.isEmpty { throw DiagnosticError(problems) }
    guard let text = try json.render(file: file) else { return }
    try add(file: file, suffix: "_json.pb.go", text: text)
    try addShared(for: file, name: "sebuf_json.pb.go") { GoJSONRuntime.text(package: $0, tool: "") }
  }

  private mutating func addShared(for file: String, name: String, text: (String) -> String) throws {
    let dir = try layout.outputDirectory(of: file)
    let prefix = dir.isEmpty ? "" : dir + "/"
    if generated[prefix + name] == nil { generated[prefix + name] = text(try layout.package(of: file).name) }
  }

  /// The files, sorted by path.
  public func files() -> [GeneratedFile] {
    generated.sorted { $0.key < $1.key }.map { GeneratedFile(path: $0.key, text: $0.value) }
  }
}
