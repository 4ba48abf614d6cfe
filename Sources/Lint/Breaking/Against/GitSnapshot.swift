// Reads one commit of a git repository with real git, into a fresh temporary directory:
// `git rev-parse` to resolve the ref, `git archive` to export the tree. The working tree,
// the index and every ref are left alone. Failures say what to run (shallow CI clones,
// branches that exist only as `origin/NAME`).
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum GitSnapshot {
  /// Exports `ref` of the repository at `repository` (a `.git` path, or any path inside a
  /// work tree), limited to `subdir`, and returns the directory holding the files.
  /// The caller removes `root` when done.
  public static func extract(
    repository: String, ref: AgainstInput.GitRef, subdir: String?
  ) throws -> (root: String, directory: String) {
    let fm = FileManager.default
    guard fm.fileExists(atPath: repository) else {
      throw AgainstError(
        "--against: no git repository at \(repository). Run sebuf from the repository's work tree, or give its path (`--against 'path/to/repo/.git#branch=main'`).")
    }
    let workdir = repository.hasSuffix(".git") ? (repository as NSString).deletingLastPathComponent : repository
    let cwd = workdir.isEmpty ? "." : workdir
    let probe = try git(["rev-parse", "--git-dir"], in: cwd)
    guard probe.code == 0 else {
      throw AgainstError("--against: \(repository) is not a git repository (\(probe.stderr.firstLine)).")
    }
    let commit = try resolve(ref, in: cwd, repository: repository)
    if let subdir {
      let exists = try git(["cat-file", "-e", "\(commit):\(subdir)"], in: cwd)
      guard exists.code == 0 else {
        throw AgainstError("--against: subdir=\(subdir) does not exist at \(describe(ref)) (\(commit.prefix(12))).")
      }
    }
    let root = fm.temporaryDirectory.appendingPathComponent("sebuf-against-\(UUID().uuidString)").path
    try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
    let tar = root + "/.tree.tar"
    var args = ["archive", "--format=tar", "-o", tar, commit]
    if let subdir { args.append(subdir) }
    let archive = try git(args, in: cwd)
    guard archive.code == 0 else {
      try? fm.removeItem(atPath: root)
      throw AgainstError("--against: git archive failed for \(describe(ref)): \(archive.stderr.firstLine)")
    }
    let untar = try run(["tar", "-xf", tar, "-C", root], in: cwd)
    try? fm.removeItem(atPath: tar)
    guard untar.code == 0 else {
      try? fm.removeItem(atPath: root)
      throw AgainstError("--against: could not unpack \(describe(ref)): \(untar.stderr.firstLine)")
    }
    return (root, subdir.map { root + "/" + $0 } ?? root)
  }

  /// The commit a ref names, or an error that says how to make it available.
  static func resolve(_ ref: AgainstInput.GitRef, in cwd: String, repository: String) throws -> String {
    func verify(_ name: String) throws -> String? {
      let r = try git(["rev-parse", "--verify", "--quiet", name + "^{commit}"], in: cwd)
      return r.code == 0 ? r.stdout.firstLine : nil
    }
    let shallow = (try? git(["rev-parse", "--is-shallow-repository"], in: cwd).stdout.firstLine) == "true"
    let ciHint = "In GitHub Actions, set `fetch-depth: 0` on actions/checkout."
    switch ref {
    case .branch(let name):
      if let c = try verify("refs/heads/\(name)") ?? verify("refs/remotes/\(name)") { return c }
      if try verify("refs/remotes/origin/\(name)") != nil {
        throw AgainstError(
          "--against: branch \(quoted(name)) is not a local branch of \(repository), but origin/\(name) is there (CI checkouts usually have only remote branches). Use `--against '.git#branch=origin/\(name)'`.")
      }
      throw AgainstError(
        "--against: branch \(quoted(name)) was not found in \(repository)\(shallow ? " (this is a shallow clone)" : ""). Fetch it with `git fetch origin +refs/heads/\(name):refs/remotes/origin/\(name)` and use `--against '.git#branch=origin/\(name)'`. \(ciHint)")
    case .tag(let name):
      if let c = try verify("refs/tags/\(name)") { return c }
      throw AgainstError(
        "--against: tag \(quoted(name)) was not found in \(repository). Fetch tags with `git fetch --tags origin`. \(ciHint)")
    case .ref(let name):
      if let c = try verify(name) { return c }
      if shallow {
        throw AgainstError(
          "--against: revision \(quoted(name)) is not in this shallow clone of \(repository). Fetch more history with `git fetch --deepen=50` (or `git fetch --unshallow`). \(ciHint)")
      }
      throw AgainstError(
        "--against: unknown revision \(quoted(name)) in \(repository). Check it with `git rev-parse \(name)`; fetch it first if it lives on a remote.")
    }
  }

  static func describe(_ ref: AgainstInput.GitRef) -> String {
    switch ref {
    case .branch(let n): "branch \(quoted(n))"
    case .tag(let n): "tag \(quoted(n))"
    case .ref(let n): "revision \(quoted(n))"
    }
  }

  struct ToolResult {
    var code: Int32
    var stdout: String
    var stderr: String
  }

  static func git(_ args: [String], in cwd: String) throws -> ToolResult {
    // Never prompt, never page, never pick up a user's `git archive` filters.
    try run(["git", "-c", "core.pager=cat"] + args, in: cwd, env: ["GIT_TERMINAL_PROMPT": "0"])
  }

  /// Runs a tool with output in temporary files (no pipe can fill up and block it).
  static func run(_ args: [String], in cwd: String, env: [String: String] = [:]) throws -> ToolResult {
    signal(SIGPIPE, SIG_IGN)
    let fm = FileManager.default
    let base = fm.temporaryDirectory.appendingPathComponent("sebuf-run-\(UUID().uuidString)").path
    fm.createFile(atPath: base + ".out", contents: nil)
    fm.createFile(atPath: base + ".err", contents: nil)
    defer {
      try? fm.removeItem(atPath: base + ".out")
      try? fm.removeItem(atPath: base + ".err")
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    do {
      try p.run()
    } catch {
      throw AgainstError("--against: could not run \(args[0]) (\(error)); is it installed and on PATH?")
    }
    p.waitUntilExit()
    try? out.close()
    try? err.close()
    let stdout = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
    if p.terminationReason == .exit && p.terminationStatus == 127 {
      throw AgainstError("--against: \(args[0]) was not found; install git to compare against git refs.")
    }
    return ToolResult(code: p.terminationStatus, stdout: stdout, stderr: stderr)
  }
}

extension String {
  var firstLine: String {
    String(split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
  }
}

extension GitSnapshot {
  /// Where `directory` lies inside the work tree of `repository` (`api/` → "api"), nil when
  /// it is outside it or git cannot tell.
  public static func prefix(of directory: String, repository: String) -> String? {
    let workdir = repository.hasSuffix(".git") ? (repository as NSString).deletingLastPathComponent : repository
    guard let top = try? git(["rev-parse", "--show-toplevel"], in: workdir.isEmpty ? "." : workdir), top.code == 0
    else { return nil }
    let root = URL(fileURLWithPath: top.stdout.firstLine).resolvingSymlinksInPath().path
    let dir = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    if dir == root { return "" }
    guard dir.hasPrefix(root + "/") else { return nil }
    return String(dir.dropFirst(root.count + 1))
  }
}
