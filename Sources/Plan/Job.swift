import Backends
import Basics
import Config
import Proto

/// What produces a job's files.
public enum JobGenerator: Sendable {
  /// A native backend from the ``BackendRegistry``.
  case native(any Backend)
  /// A protoc plugin, already located.
  case plugin(PluginRunner)

  /// For the cache key: which code runs (a plugin's path, size and mtime, so a rebuilt
  /// plugin invalidates its outputs).
  var identity: String {
    switch self {
    case .native(let backend): return "native:" + backend.name
    case .plugin(let runner):
      return "plugin:" + runner.executable + ":" + FileSystem.statFingerprint(runner.executable)
        + (runner.sendsCompilerVersion ? "" : ":no-version")
    }
  }

  /// What runs: a plugin is one more ``Backend``.
  var backend: any Backend {
    switch self {
    case .native(let backend): return backend
    case .plugin(let runner): return runner
    }
  }

  var isPlugin: Bool {
    if case .plugin = self { return true }
    return false
  }
}

/// One backend or plugin run over a group of files: the whole target set (`all`) or one
/// proto directory (`directory`). The unit of caching and of concurrency.
public struct Invocation: Sendable {
  /// `*` for `all`, else the proto directory (`acme/v1`, `.` for the root).
  public var id: String
  /// Import paths to generate for, sorted.
  public var filesToGenerate: [String]
  /// The closure of `filesToGenerate` (targets and everything they import), in
  /// dependency order, with managed-mode options applied.
  public var image: Image
  /// Cache key: sebuf version, generator, options, and the descriptors of every file of `image`.
  public var key: String
  /// Serialized descriptors by name (plugin jobs only), shared by every invocation.
  public var encodedFiles: [String: [UInt8]] = [:]
}

/// One `generate:` entry, planned.
public struct Job: Sendable {
  /// Stable id used as the manifest key: label and out dir (`go-http → gen/go`).
  public var id: String
  /// The entry's index in `generate:` (template order, for insertion points).
  public var index: Int
  public var entry: GenerateEntry
  public var generator: JobGenerator
  /// Output directory, normalised, relative to the workspace (`gen/go`).
  public var out: String
  public var strategy: GenerateEntry.Strategy
  public var invocations: [Invocation]
  /// Whether `--path` limited this job's files: the run then neither removes stale files
  /// nor records a reusable cache key.
  public var partial: Bool
  /// Digest of everything the job depends on that can be known before compiling
  /// (sources on disk, config, sebuf itself); lets a no-op run skip compilation.
  public var inputsKey: String
  /// The generation config of the entry: a `--template` path, nil for the workspace's own
  /// (``Manifest/JobRecord/config``).
  public var source: String? = nil

  /// The label users see: the entry's name, backend id or plugin name.
  public var label: String { entry.label }
}

/// The result of planning: the jobs of this run, in `generate:` order.
public struct GenerationPlan: Sendable {
  public var jobs: [Job]
  /// Ids of every job in the config (selected or not), so a full run can tell a job that
  /// was removed from `sebuf.yaml` from one that `--only` left out.
  public var allJobIDs: Set<String>
  /// Whether `--only`, `--path` or `--exclude-path` limited the run.
  public var isPartial: Bool
  /// The generation config of this run (a `--template` path; nil for the workspace's own):
  /// only its records can be entries removed from the config.
  public var source: String? = nil
}

/// Flags that narrow a run.
public struct PlanFilter: Sendable {
  /// `--only NAME`: entry names, backend ids or plugin names. Empty: every entry.
  public var only: [String]
  /// `--path P`: files or directories (relative to the workspace). Empty: every file.
  public var paths: [String]
  /// `--exclude-path P`: files or directories (relative to the workspace) left out of the
  /// run. Their outputs are neither rewritten nor removed: like `--path`, the run is partial.
  public var excludePaths: [String]

  public init(only: [String] = [], paths: [String] = [], excludePaths: [String] = []) {
    self.only = only
    self.paths = paths
    self.excludePaths = excludePaths
  }

  /// Whether `--path` or `--exclude-path` leaves some module files out: such a run does not
  /// produce every file, so it removes nothing stale and records no reusable cache key.
  public var limitsFiles: Bool { !paths.isEmpty || !excludePaths.isEmpty }
}
