import Basics
import Foundation

/// `.sebuf/manifest.json`: what each job wrote last time and the cache keys it was
/// written for. Deleting it is always safe: the next run regenerates and still writes
/// only files whose bytes differ.
///
/// One manifest serves every generation config of the workspace: its own `generate:` (or
/// buf.gen.yaml) and each `generate --template FILE`. Every record names the config that
/// produced it (``JobRecord/config``), and a run treats as "removed from the config" (and
/// deletes the outputs of) only records of its own config. So `sebuf generate --template
/// buf.gen.go.yaml` followed by a plain `sebuf generate` keeps both sets of outputs, and the
/// records of one config never look stale to another.
///
/// Version 2 added `config`. Version 1 files are read as is (all their records belong to
/// the workspace's own config); a sebuf that only knows version 1 ignores a version 2 file
/// as a whole, which deletes nothing (it would otherwise take template records as removed
/// entries).
public struct Manifest: Codable, Sendable, Equatable {
  public static let currentVersion = 2
  /// Versions this build reads: 1 is 2 without `config`.
  static let readableVersions: Set<Int> = [1, 2]

  public var version: Int
  /// By job id (`label → out`).
  public var jobs: [String: JobRecord]

  public init(jobs: [String: JobRecord] = [:]) {
    self.version = Manifest.currentVersion
    self.jobs = jobs
  }

  /// One job's record.
  public struct JobRecord: Codable, Sendable, Equatable {
    /// The job's out dir, relative to the workspace.
    public var out: String
    /// The job's pre-compilation inputs key; empty when the last run was partial.
    public var inputs: String
    /// By invocation id (`*` or a proto directory).
    public var invocations: [String: InvocationRecord]
    /// Every file the job owns, by path relative to the workspace.
    public var files: [String: FileRecord]
    /// Directories the job created (relative to the workspace), removed once empty.
    public var dirs: [String]
    /// Set while a run is writing: if it is still set, that run was interrupted.
    public var dirty: Bool
    /// The generation config that produced the job: a `--template` path; absent for the
    /// workspace's own `generate:`/buf.gen.yaml.
    public var config: String?

    public init(
      out: String, inputs: String = "", invocations: [String: InvocationRecord] = [:],
      files: [String: FileRecord] = [:], dirs: [String] = [], dirty: Bool = false, config: String? = nil
    ) {
      self.config = config
      self.out = out
      self.inputs = inputs
      self.invocations = invocations
      self.files = files
      self.dirs = dirs
      self.dirty = dirty
    }
  }

  public struct InvocationRecord: Codable, Sendable, Equatable {
    /// Cache key; empty forces the next run.
    public var key: String
    /// Files it produced, relative to the workspace.
    public var files: [String]
    /// Files of other invocations it filled insertion points in: they run together.
    public var inserts: [String]?
    public init(key: String, files: [String], inserts: [String]? = nil) {
      self.key = key
      self.files = files
      self.inserts = inserts
    }
  }

  public struct FileRecord: Codable, Sendable, Equatable {
    /// xxHash64 of the contents, 16 hex digits.
    public var hash: String
    public var size: Int64
    /// Modification time in ns when sebuf last wrote or checked it: when size and
    /// mtime still match, the file is taken as intact without reading it.
    public var mtime: Int64
    public init(hash: String, size: Int64, mtime: Int64) {
      self.hash = hash
      self.size = size
      self.mtime = mtime
    }
  }

  /// Reads the manifest at `path`. A missing, unreadable, corrupt or other-version file
  /// gives an empty manifest (the run then rebuilds it) plus a note saying why.
  public static func load(_ path: String) -> (Manifest, note: String?) {
    guard let bytes = FileSystem.read(path) else { return (Manifest(), nil) }
    do {
      var m = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
      guard readableVersions.contains(m.version) else {
        return (Manifest(), "ignoring \(path): version \(m.version), expected \(currentVersion); it will be rebuilt")
      }
      m.version = currentVersion
      return (m, nil)
    } catch {
      return (Manifest(), "ignoring unreadable \(path) (it will be rebuilt): \(error)")
    }
  }

  /// The manifest as written: sorted keys, so it diffs well and is deterministic.
  public func encoded() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
  }

  /// Whether the record was produced by the generation config `source` (nil: the
  /// workspace's own).
  public static func belongs(_ record: JobRecord, to source: String?) -> Bool { record.config == source }

  /// Writes atomically (creating `.sebuf/` and a `.gitignore` in it).
  public func save(_ path: String) throws {
    try Self.prepareDirectory(PathRules.directory(of: path))
    try FileSystem.writeAtomically(try encoded(), to: path)
  }

  /// Creates sebuf's cache directory with a `.gitignore` that keeps it out of git: every
  /// path that creates `.sebuf/` (the lock, the manifest) goes through here, so a run that
  /// fails early never leaves an untracked `.sebuf/` behind.
  public static func prepareDirectory(_ dir: String) throws {
    try FileSystem.makeDirectories(dir)
    let ignore = dir + "/.gitignore"
    if !FileSystem.exists(ignore) {
      try FileSystem.writeAtomically(Array("# sebuf's cache: safe to delete.\n*\n".utf8), to: ignore)
    }
  }
}
