import Diagnostics

/// The validated workspace: what `sebuf.yaml` (or buf.yaml + buf.gen.yaml v2) says,
/// with paths checked and defaults applied. Every command reads this one model.
public struct Workspace: Sendable {
  /// Absolute path of the workspace directory (where the config file lives).
  public var root: String
  /// The config file read, relative to `root`; nil when defaults were used.
  public var configFile: String?
  /// Which kind of file configured the workspace.
  public var kind: WorkspaceFileKind = .sebuf
  /// The module roots (at least one; `.` when the file names none).
  public var modules: [Module]
  /// Extra import roots, relative to `root`.
  public var includes: [String]
  /// `lint:` settings (defaults when absent).
  public var lint: LintConfig
  /// `breaking:` settings (defaults when absent).
  public var breaking: BreakingConfig
  /// `generate:` entries in the order written (run in that order).
  public var generate: [GenerateEntry]
  /// `managed:` settings (off when absent).
  public var managed: ManagedConfig

  public init(
    root: String, configFile: String? = nil, modules: [Module], includes: [String] = [],
    lint: LintConfig = LintConfig(), breaking: BreakingConfig = BreakingConfig(),
    generate: [GenerateEntry] = [], managed: ManagedConfig = ManagedConfig()
  ) {
    self.root = root
    self.configFile = configFile
    self.modules = modules
    self.includes = includes
    self.lint = lint
    self.breaking = breaking
    self.generate = generate
    self.managed = managed
  }
}

/// A root of `.proto` files that belong to the user: compiled, linted, generated.
public struct Module: Sendable, Hashable {
  /// Path relative to the workspace root (`.` for the root itself).
  public var path: String
  /// Directories relative to the workspace root whose files are left out.
  public var excludes: [String]
  public init(path: String, excludes: [String] = []) {
    self.path = path
    self.excludes = excludes
  }
}

/// `lint:` settings. Rule and category ids are kept as written; Lint resolves them.
public struct LintConfig: Sendable {
  /// Categories or rule ids to run, as written (case/separator-insensitive ids).
  /// sebuf's default adds the HTTP rules to buf's STANDARD; a buf.yaml keeps buf's default.
  public var use: [String] = LintConfig.sebufDefaultUse
  /// Categories or rule ids removed from `use`.
  public var except: [String] = []
  /// Paths (files or directories, relative to the workspace; globs allowed) ignored by every rule.
  public var ignore: [String] = []
  /// Rule or category id → paths ignored for it.
  public var ignoreOnly: [String: [String]] = [:]
  /// Rules reported as warnings: they are printed but do not fail the run.
  public var warn: [String] = []
  /// Whether `// sebuf:lint:ignore RULE` (and `buf:lint:ignore`) comments silence findings.
  public var allowCommentIgnores: Bool = true
  /// Required suffix of enum zero values (ENUM_ZERO_VALUE_SUFFIX).
  public var enumZeroValueSuffix: String = "_UNSPECIFIED"
  /// buf's RPC_REQUEST_RESPONSE_UNIQUE / RPC_*_STANDARD_NAME relaxations.
  public var rpcAllowSameRequestResponse: Bool = false
  public var rpcAllowGoogleProtobufEmptyRequests: Bool = false
  public var rpcAllowGoogleProtobufEmptyResponses: Bool = false
  /// Required suffix of service names (SERVICE_SUFFIX).
  public var serviceSuffix: String = "Service"
  /// buf v2's spelling of `!allowCommentIgnores`.
  public var disallowCommentIgnores: Bool { !allowCommentIgnores }
  /// Where each id in `use`/`except`/`ignore_only`/`warn` was written, for positioned errors.
  public var idSpans: [String: Span] = [:]
  public init() {}
}

/// `breaking:` settings.
public struct BreakingConfig: Sendable {
  /// Categories or rule ids to run, as written.
  /// sebuf's default adds the HTTP rules to buf's FILE; a buf.yaml keeps buf's default.
  public var use: [String] = BreakingConfig.sebufDefaultUse
  /// Categories or rule ids removed from `use`.
  public var except: [String] = []
  /// Paths (relative to the workspace; globs allowed) no breaking rule checks.
  public var ignore: [String] = []
  /// Rule or category id → paths ignored for it.
  public var ignoreOnly: [String: [String]] = [:]
  /// Skip packages whose last part is alpha/beta/test-like (buf's rule).
  public var ignoreUnstablePackages: Bool = false
  /// Whether `// sebuf:breaking:ignore RULE` comments accept a break.
  public var allowCommentIgnores: Bool = true
  /// Default for `--against`, e.g. `.git#branch=main`.
  public var against: String?
  /// Where each id in `use`/`except`/`ignore_only` was written, for positioned errors.
  public var idSpans: [String: Span] = [:]
  public init() {}
}

/// One `generate:` entry: a native backend or a protoc plugin.
public struct GenerateEntry: Sendable {
  public enum Kind: Sendable, Hashable {
    /// A native backend by id (a ``BackendID`` raw value once validated; tests may
    /// register others with Plan).
    case backend(String)
    /// A protoc plugin: a name (`protoc-gen-go` or `go`) found on PATH, or a path.
    case plugin(String)
  }
  /// `directory`: one run per proto directory; `all`: one run for every file.
  public enum Strategy: String, Sendable { case directory, all }

  /// What runs: a native backend or a protoc plugin.
  public var kind: Kind
  /// Optional name for `--only`.
  public var name: String?
  /// Output directory relative to the workspace root.
  public var out: String
  /// Options as key=value pairs, in the order written.
  public var options: [(key: String, value: String)]
  /// Globs (relative to the workspace) selecting which module files the entry gets.
  public var include: [String]
  /// Globs (relative to the workspace) of module files the entry does not get.
  public var exclude: [String]
  /// nil: the backend's default.
  public var strategy: Strategy?
  /// Also generate the imported files (not the well-known types).
  public var includeImports: Bool
  /// Also generate the well-known types (needs `includeImports`).
  public var includeWKT: Bool
  /// Where the entry was written, for errors that name it.
  public var span: Span?

  public init(
    kind: Kind, name: String? = nil, out: String, options: [(key: String, value: String)] = [],
    include: [String] = [], exclude: [String] = [], strategy: Strategy? = nil,
    includeImports: Bool = false, includeWKT: Bool = false, span: Span? = nil
  ) {
    self.kind = kind
    self.name = name
    self.out = out
    self.options = options
    self.include = include
    self.exclude = exclude
    self.strategy = strategy
    self.includeImports = includeImports
    self.includeWKT = includeWKT
    self.span = span
  }

  /// The label used in messages and by `--only`: the name, else the backend or plugin.
  public var label: String {
    if let name { return name }
    switch kind {
    case .backend(let b): return b
    case .plugin(let p): return p
    }
  }
}

/// buf's managed mode, limited to what sebuf honours.
public struct ManagedConfig: Sendable {
  /// On when the `managed:` block is present (unless `enabled: false`). When off, the
  /// other fields are empty.
  public var enabled: Bool = false
  /// `go_package` = prefix + "/" + the file's directory, for every module file and the
  /// bundled sebuf protos (buf's rule), unless overridden.
  public var goPackagePrefix: String?
  /// Per-path (file or directory, relative to the module root) go_package overrides.
  public var goPackageOverrides: [String: String] = [:]
  /// Paths (relative to the module root) managed mode leaves alone.
  public var except: [String] = []
  public init() {}
}

extension LintConfig {
  /// `use` when sebuf.yaml (or no file) says nothing: buf's STANDARD plus sebuf's HTTP rules.
  public static let sebufDefaultUse = ["STANDARD", "HTTP"]
  /// `use` when a buf.yaml says nothing: buf's own default, so findings match buf's.
  public static let bufDefaultUse = ["STANDARD"]
}

extension BreakingConfig {
  /// `use` when sebuf.yaml (or no file) says nothing: buf's FILE plus sebuf's HTTP rules.
  public static let sebufDefaultUse = ["FILE", "HTTP"]
  /// `use` when a buf.yaml says nothing: buf's own default.
  public static let bufDefaultUse = ["FILE"]
}
