import Diagnostics
import Proto

/// Collects one Go backend run's files: per-proto files plus the per-package runtime
/// files, each runtime emitted once per output directory (= one Go package).
public struct GoPackageOutput {
  let layout: GoLayout
  let tool: String
  private var generated: [String: String] = [:]

  public init(layout: GoLayout, tool: String) {
    self.layout = layout
    self.tool = tool
  }

  /// Adds the `<name><suffix>` file of `file`.
  public mutating func add(file: String, suffix: String, text: String) throws {
    generated[try layout.outputPath(of: file, suffix: suffix)] = text
  }

  /// Adds a runtime file (and `sebuf_errors.pb.go`) to the directory of `file` once.
  public mutating func addRuntime(for file: String, name: String, text: (String) -> String) throws {
    let dir = try layout.outputDirectory(of: file)
    let pkg = try layout.package(of: file)
    let prefix = dir.isEmpty ? "" : dir + "/"
    if generated[prefix + name] == nil { generated[prefix + name] = text(pkg.name) }
    if generated[prefix + "sebuf_errors.pb.go"] == nil {
      generated[prefix + "sebuf_errors.pb.go"] = GoErrorsRuntime.text(package: pkg.name, tool: "")
    }
  }

  /// Adds `<name>_json.pb.go` when `file` has messages with JSON-mapping annotations.
  public mutating func addJSON(for file: String) throws {
    // Filled in by the JSON-mapping generator.
  }

  /// The files, sorted by path.
  public func files() -> [GeneratedFile] {
    generated.sorted { $0.key < $1.key }.map { GeneratedFile(path: $0.key, text: $0.value) }
  }
}
