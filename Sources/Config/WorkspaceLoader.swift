import Diagnostics

extension GenerateEntry {
  /// Ids of the native backends, as written in `generate[].backend`.
  public static let nativeBackends = ["go-http", "go-client", "ts-client", "ts-server", "openapi"]
}

extension Workspace {
  /// Finds and reads the workspace for `directory`: `configFile` if given, else the nearest
  /// `sebuf.yaml` in the directory or a parent, else buf.yaml/buf.gen.yaml v2, else the
  /// directory as one module with defaults. Throws ``DiagnosticError`` on a bad config.
  public static func load(directory: String, configFile: String?) throws -> Workspace {
    // Interim: the directory as one module with defaults (the full loader lands next).
    Workspace(root: FilePath.absolute(directory), modules: [Module(path: ".")])
  }
}
