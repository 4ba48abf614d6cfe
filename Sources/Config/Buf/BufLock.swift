// buf.lock v2: the commit and digest buf pinned for each dependency. sebuf reads it only to
// find a dependency in buf's local module cache and to check the cached files against the
// digest (buf's own check), never to download.
import Basics
import Diagnostics

/// One `deps[]` entry of buf.lock v2.
struct BufLockDep {
  var name: Located<String>
  var commit: String
  /// `b5:<128 hex digits>` (buf's module digest).
  var digest: String
}

enum BufLock {
  /// The entries of `<root>/buf.lock`, by module name; empty when there is no buf.lock. Problems
  /// (bad YAML, a v1 lock, an entry without commit or digest) are diagnostics at their line.
  static func read(root: String) -> (deps: [String: BufLockDep], diagnostics: [Diagnostic]) {
    let path = FilePath.join(root, "buf.lock")
    guard FileSystem.isFile(path), let text = FileSystem.readText(path) else { return ([:], []) }
    var r = YAMLReader(file: "buf.lock")
    guard let node = r.parse(text), let fields = r.mapping(node, context: "buf.lock", allowed: ["version", "deps"])
    else { return ([:], r.diagnostics) }
    if let v = fields["version"], let version = r.string(v, "version"), version.value != "v2" {
      r.error(
        "buf.lock version \(version.value) is not read; run `buf dep update` with a buf.yaml v2 to rewrite it as v2.",
        at: version.span)
      return ([:], r.diagnostics)
    }
    var deps: [String: BufLockDep] = [:]
    for item in fields["deps"].flatMap({ r.list($0, "deps") }) ?? [] {
      guard let entry = r.mapping(item, context: "a deps entry of buf.lock", allowed: ["name", "commit", "digest"]),
        let nameNode = entry["name"], let name = r.nonEmptyString(nameNode, "name")
      else { continue }
      guard let commitNode = entry["commit"], let commit = r.nonEmptyString(commitNode, "commit"),
        let digestNode = entry["digest"], let digest = r.nonEmptyString(digestNode, "digest")
      else {
        r.error("buf.lock entry \(name.value) needs a commit and a digest; run `buf dep update`.", at: name.span)
        continue
      }
      deps[name.value] = BufLockDep(name: name, commit: commit.value, digest: digest.value)
    }
    return (deps, r.diagnostics)
  }
}
