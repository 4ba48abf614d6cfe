// buf.yaml `deps`: sebuf never downloads, so each dependency must already be here — bundled in
// the binary, or vendored in a directory the workspace compiles from. Anything else is an error
// at its line that says how to vendor it.
import Basics

/// How each known BSR module is found without the network.
enum BufDeps {
  /// Modules whose files the binary embeds (Sources/Proto/Bundled, by scripts/embed).
  static let bundled: Set<String> = [
    "buf.build/sebmelki/sebuf", "buf.build/googleapis/googleapis", "buf.build/bufbuild/protovalidate",
  ]

  /// `buf.build/owner/repo` from a reference (`…:label`, `…:commit`).
  static func moduleName(_ reference: String) -> String {
    String(reference.split(separator: ":", maxSplits: 1).first ?? "")
  }
}

extension WorkspaceValidator {
  /// Checks that every dependency resolves, in this order: bundled; buf's local module cache
  /// (the commit buf.lock pins, verified against its digest); vendored under a module or
  /// include directory (for a module sebuf knows by import path). Returns the cache
  /// directories to compile from (import-only roots), for direct and transitive deps alike.
  mutating func deps(_ deps: [Located<String>], modules: [Module], includes: [String]) -> [String] {
    let roots = modules.map(\.path) + includes
    let (lock, lockProblems) = deps.isEmpty ? ([:], []) : BufLock.read(root: root)
    diagnostics += lockProblems
    let cache = BufModuleCache.fromEnvironment()
    var cached: [String] = []
    let direct = Set(deps.map { BufDeps.moduleName($0.value) })
    for d in deps {
      let name = BufDeps.moduleName(d.value)
      if BufDeps.bundled.contains(name) { continue }
      if let pinned = lock[name], let cache {
        switch cache.lookup(name: name, commit: pinned.commit, digest: pinned.digest) {
        case .found(let dir):
          cached.append(dir)
          continue
        case .digestMismatch(let actual, let at):
          mismatch(pinned, actual: actual, at: at)
          continue
        case .missing:
          break
        }
      }
      let known = KnownModules.prefixes.first { $0.module == name }
      if let known, vendored(known.prefixes, under: roots) { continue }
      var message =
        "dependency \"\(d.value)\" is neither bundled, in buf's module cache, nor vendored, and sebuf does not download modules."
      if let pinned = lock[name] {
        let at = cache.map { FilePath.join($0.directory, "v3/modules/b5/\(name)/\(pinned.commit)") } ?? "buf's cache"
        message +=
          " buf.lock pins commit \(pinned.commit), which is not at \(at): run any buf command that reads it (`buf build`) once with network access, or vendor it"
      } else {
        message += " Run `buf dep update` once with network access (sebuf then reads buf's cache), or vendor it"
      }
      message +=
        " (`buf export \(name) -o third_party`, then add `third_party` under includes in sebuf.yaml (`sebuf init --from-buf` converts this buf.yaml) or as a module with its lint ignored). Bundled: \(BufDeps.bundled.sorted().joined(separator: ", "))."
      error(message, at: d.span)
    }
    // buf.lock also pins the dependencies' own dependencies: compile from their cached copies
    // when present (a missing one only matters if a file imports it, and then the import
    // error says so); a cached copy that fails its digest is refused all the same.
    if let cache {
      for (name, pinned) in lock.sorted(by: { $0.key < $1.key })
      where !direct.contains(name) && !BufDeps.bundled.contains(name) {
        switch cache.lookup(name: name, commit: pinned.commit, digest: pinned.digest) {
        case .found(let dir): cached.append(dir)
        case .digestMismatch(let actual, let at): mismatch(pinned, actual: actual, at: at)
        case .missing: break
        }
      }
    }
    return cached
  }

  /// buf's refusal of a cached module whose files do not hash to buf.lock's digest.
  private mutating func mismatch(_ pinned: BufLockDep, actual: String, at dir: String) {
    error(
      "digest verification failed for \(pinned.name.value) at commit \(pinned.commit): buf.lock expects \(pinned.digest), the files in \(dir) hash to \(actual). The cache is corrupted or buf.lock was edited by hand; clear buf's cache (`buf registry cc`) and run `buf dep update`.",
      at: pinned.name.span)
  }

  /// Whether a directory with one of the module's import-path prefixes exists under a root.
  private func vendored(_ prefixes: [String], under roots: [String]) -> Bool {
    roots.contains { root in
      prefixes.contains { prefix in
        let dir = FilePath.join(root == "." ? self.root : FilePath.join(self.root, root), String(prefix.dropLast()))
        return FileSystem.kind(dir) == .directory
      }
    }
  }
}
