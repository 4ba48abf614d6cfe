/// What to compile: where `.proto` files are found and which of them are targets.
public struct SourceSet: Sendable {
  /// A directory whose files are imported by their path relative to it.
  public struct Root: Sendable, Hashable {
    /// Directory on disk (absolute, or relative to the current directory).
    public var directory: String
    /// Prefix for user-facing paths of files under this root (its path relative to
    /// the workspace, e.g. `proto`); empty when the root is the workspace itself.
    public var displayPrefix: String
    public init(directory: String, displayPrefix: String) {
      self.directory = directory
      self.displayPrefix = displayPrefix
    }
  }

  /// Module roots: their files are targets unless excluded.
  public var roots: [Root]
  /// Extra import roots: files found there are imports only.
  public var includes: [Root]
  /// Import paths (relative to a root) of the target files. Empty means every `.proto`
  /// file under `roots`, minus `excludes`.
  public var targets: [String]
  /// Directories (relative to the workspace, like `proto/legacy`) whose files are not targets.
  public var excludes: [String]
  /// In-memory files (import path → contents) that shadow disk and bundled files; for tests.
  public var overlay: [String: String]

  public init(
    roots: [Root], includes: [Root] = [], targets: [String] = [], excludes: [String] = [],
    overlay: [String: String] = [:]
  ) {
    self.roots = roots
    self.includes = includes
    self.targets = targets
    self.excludes = excludes
    self.overlay = overlay
  }
}
