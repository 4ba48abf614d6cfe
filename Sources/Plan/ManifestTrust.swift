import Basics

/// `.sebuf/manifest.json` is untrusted input: it may be committed to a repository,
/// restored from a poisoned CI cache or simply corrupted. Before a run acts on it (removes
/// stale files, sweeps temp files, drops empty directories) every record is checked
/// against the current configuration; a manifest with any record that could make sebuf
/// touch something other than its own outputs is ignored as a whole, with a warning.
///
/// A record passes when:
/// - its job exists in `sebuf.yaml` with the same `out`, or (an entry removed from
///   `sebuf.yaml`, whose files a full run cleans up) its id names its own `out`, which is
///   a plain relative directory clear of `.sebuf`, `.git` and every module and import root;
/// - every file, invocation file and insertion target is a normalised relative path inside
///   that `out`, and is not sebuf's cache, a `.git` entry or a workspace config file;
/// - every directory it created is inside its `out` or one of the out's parents.
///
/// Removal itself checks more at the time it happens (``OutputWriter``): the file is a
/// regular file, reached without leaving `out` through a symlink, and its contents still
/// hash to what sebuf wrote.
public struct ManifestTrust: Sendable {
  /// Every job of the configuration: id → normalised out.
  public var jobOuts: [String: String]
  /// Module and import roots (normalised, workspace-relative).
  public var sourceRoots: [String]
  /// The workspace root (absolute), as it appears in ids of entries with an absolute out.
  public var root: String

  public init(jobOuts: [String: String], sourceRoots: [String], root: String) {
    self.jobOuts = jobOuts
    self.sourceRoots = sourceRoots
    self.root = PathRules.normalize(root) ?? root
  }

  /// File names at the workspace root sebuf never removes, whatever the manifest says.
  static let configFiles: Set<String> = [
    "sebuf.yaml", "sebuf.yml", "buf.yaml", "buf.yml", "buf.work.yaml", "buf.gen.yaml", "buf.lock",
  ]

  /// Every problem with `manifest` (empty: it may be used), each naming the record.
  public func problems(_ manifest: Manifest) -> [String] {
    var problems: [String] = []
    for (id, rec) in manifest.jobs.sorted(by: { $0.key < $1.key }) {
      if let problem = outProblem(id: id, out: rec.out) {
        problems.append("job \"\(id)\": \(problem)")
        continue
      }
      let out = rec.out
      var paths: [(String, String)] = rec.files.keys.sorted().map { ("file", $0) }
      for (inv, r) in rec.invocations.sorted(by: { $0.key < $1.key }) {
        paths += r.files.map { ("file of invocation \(inv)", $0) }
      }
      for (what, path) in paths {
        if let problem = pathProblem(path, out: out) {
          problems.append("job \"\(id)\": \(what) \"\(path)\" \(problem)")
        }
      }
      for (inv, r) in rec.invocations.sorted(by: { $0.key < $1.key }) {
        for path in r.inserts ?? [] where !isNormalRelative(path) || isReserved(path) {
          problems.append("job \"\(id)\": insertion target \"\(path)\" of invocation \(inv) is not a workspace path")
        }
      }
      for dir in rec.dirs {
        let inside =
          isNormalRelative(dir) && !isReserved(dir) && (PathRules.contains(out, dir) || isAncestor(dir, of: out))
        if !inside {
          problems.append(
            "job \"\(id)\": directory \"\(dir)\" is neither inside its out \"\(out)\" nor one of its parents")
        }
      }
    }
    return problems
  }

  /// The manifest to act on and, when it was rejected, the warning that says so.
  public func vet(_ manifest: Manifest, path: String) -> (Manifest, warning: String?) {
    let problems = problems(manifest)
    guard !problems.isEmpty else { return (manifest, nil) }
    let shown = problems.prefix(5).map { "  - " + $0 }.joined(separator: "\n")
    let more = problems.count > 5 ? "\n  - … and \(problems.count - 5) more" : ""
    return (
      Manifest(),
      "ignoring \(path): it is corrupt or was tampered with, so nothing it lists was deleted; this run rebuilds it. Problems:\n"
        + shown + more
        + "\nIf .sebuf came from a cache (CI), drop that cache; stale generated files it listed, if any, must be removed by hand."
    )
  }

  private func outProblem(id: String, out: String) -> String? {
    if let current = jobOuts[id] {
      return current == out ? nil : "records out \"\(out)\", but sebuf.yaml gives this entry out \"\(current)\""
    }
    // An entry removed from sebuf.yaml: its id must name this very out.
    guard isNormalRelative(out), out != ".", !isReserved(out) else {
      return "out \"\(out)\" is not a directory inside the workspace"
    }
    // Ids name the out as written (relative, or absolute inside the workspace).
    let named = [out, root + "/" + out]
    guard named.contains(where: { id.hasSuffix(" → " + $0) || id.contains(" → " + $0 + " #") }) else {
      return "out \"\(out)\" does not match the job's id"
    }
    for r in sourceRoots where out == r || PathRules.contains(out, r) || (r != "." && PathRules.contains(r, out)) {
      return "out \"\(out)\" overlaps the source root \"\(r)\""
    }
    return nil
  }

  private func pathProblem(_ path: String, out: String) -> String? {
    guard isNormalRelative(path) else { return "is not a normalised relative path" }
    guard PathRules.contains(out, path), path != out else { return "is outside the job's out \"\(out)\"" }
    if isReserved(path) { return "is sebuf's cache, a .git entry or a workspace config file" }
    return nil
  }

  /// A path sebuf never touches: `.sebuf`, anything under a `.git`, a config file at the root.
  private func isReserved(_ path: String) -> Bool {
    if PathRules.contains(".sebuf", path) { return true }
    if path.split(separator: "/").contains(".git") { return true }
    return Self.configFiles.contains(path)
  }

  /// `a/b`, not `/a`, `a/../b`, `./a`, `a//b`, `` or a NUL.
  private func isNormalRelative(_ path: String) -> Bool {
    path == "." || PathRules.isSafeOutputName(path)
  }

  private func isAncestor(_ dir: String, of out: String) -> Bool {
    dir != out && PathRules.contains(dir, out) && dir != "."
  }
}
