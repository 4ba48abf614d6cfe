// buf's local module cache: where `buf dep update` and `buf build` leave every dependency
// they downloaded. A buf user's machine usually has it, so a dependency sebuf does not bundle
// still resolves offline — but only when the cached files hash to the digest buf.lock pinned,
// exactly as buf checks them (a hand-edited or corrupted cache is refused, not compiled).
import Basics
import Foundation
import Yams

/// The cache directory and lookups in it (layout of buf 1.75's v3 cache).
struct BufModuleCache {
  /// The cache's root (`$BUF_CACHE_DIR`, else `$XDG_CACHE_HOME/buf`, else the platform's).
  let directory: String

  /// The directory buf uses, from the environment as buf reads it; nil without a home.
  static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> BufModuleCache? {
    if let dir = env["BUF_CACHE_DIR"], !dir.isEmpty { return BufModuleCache(directory: dir) }
    if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return BufModuleCache(directory: FilePath.join(xdg, "buf")) }
    guard let home = env["HOME"], !home.isEmpty else { return nil }
    #if os(macOS)
      return BufModuleCache(directory: FilePath.join(home, "Library/Caches/buf"))
    #else
      return BufModuleCache(directory: FilePath.join(home, ".cache/buf"))
    #endif
  }

  enum Lookup: Equatable {
    /// The module's files (an import root), verified against the digest.
    case found(filesDirectory: String)
    /// No cached copy of this commit.
    case missing(expectedAt: String)
    /// A cached copy whose files do not hash to the pinned digest.
    case digestMismatch(actual: String, at: String)
  }

  /// The cached files of `name` (`buf.build/owner/repo`) at `commit`, checked against `digest`.
  func lookup(name: String, commit: String, digest: String) -> Lookup {
    let parts = name.split(separator: "/").map(String.init)
    // Names and commits come from buf.lock (untrusted): only plain path segments are joined.
    let safe = parts.count == 3 && (parts + [commit]).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    let moduleDir = FilePath.join(directory, "v3/modules/b5/\(name)/\(commit)")
    guard safe, FileSystem.kind(moduleDir) == .directory else { return .missing(expectedAt: moduleDir) }
    let meta = Self.moduleYAML(FilePath.join(moduleDir, "module.yaml"))
    let filesDir = FilePath.join(moduleDir, meta.filesDir)
    guard FileSystem.kind(filesDir) == .directory else { return .missing(expectedAt: moduleDir) }
    let actual = Self.b5Digest(filesDirectory: filesDir, dependencyDigests: meta.dependencyDigests)
    return actual == digest ? .found(filesDirectory: filesDir) : .digestMismatch(actual: actual, at: moduleDir)
  }

  /// buf's b5 module digest: a manifest of the module's files (`.proto` files, `LICENSE`, and
  /// the first of buf.md/README.md/README.markdown), one `shake256:<hex>  <path>` line each in
  /// path order, hashed; then that digest and the dependencies' b5 digests (sorted), joined by
  /// newlines, hashed again.
  static func b5Digest(filesDirectory: String, dependencyDigests: [String]) -> String {
    let doc = ["buf.md", "README.md", "README.markdown"].first {
      FileSystem.isFile(FilePath.join(filesDirectory, $0))
    }
    let files = FileSystem.walkFiles(under: filesDirectory, includeHidden: true) {
      $0.hasSuffix(".proto") || $0 == "LICENSE" || $0 == doc
    }
    var manifest = ""
    // Go orders strings by their bytes.
    for rel in files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let bytes = FileSystem.read(FilePath.join(filesDirectory, rel)) ?? []
      manifest += "shake256:\(SHAKE256.hex(SHAKE256.digest(bytes)))  \(rel)\n"
    }
    let filesDigest = "shake256:" + SHAKE256.hex(SHAKE256.digest(Array(manifest.utf8)))
    let joined = ([filesDigest] + dependencyDigests.sorted()).joined(separator: "\n")
    return "b5:" + SHAKE256.hex(SHAKE256.digest(Array(joined.utf8)))
  }

  /// `files_dir` (default `files`) and the dependencies' digests from a cached module.yaml.
  private static func moduleYAML(_ path: String) -> (filesDir: String, dependencyDigests: [String]) {
    guard let text = FileSystem.readText(path), let node = try? Yams.compose(yaml: text), case .mapping(let m) = node
    else { return ("files", []) }
    var filesDir = "files"
    if let dir = m["files_dir"]?.string, !dir.isEmpty, !FilePath.components(dir).contains("..") { filesDir = dir }
    let digests = (m["deps"]?.sequence ?? []).compactMap { $0.mapping?["digest"]?.string }
    return (filesDir, digests)
  }
}
