// Reads one commit of a git repository with real git, into a fresh temporary directory:
// `git rev-parse` to resolve the ref, `git archive` to export the tree. The working tree,
// the index and every ref are left alone. Failures say what to run (shallow CI clones,
// branches that exist only as `origin/NAME`).
import Basics

public enum GitSnapshot {
  /// Exports `ref` of the repository at `repository` (a `.git` path, or any path inside a
  /// work tree), limited to `subdir`, and returns the directory holding the files.
  /// The caller removes `root` when done.
  public static func extract(
    repository: String, ref: AgainstInput.GitRef, subdir: String?
  ) throws -> (root: String, directory: String) {
    guard FileSystem.exists(repository) else {
      throw AgainstError(
        "--against: no git repository at \(repository). Run sebuf from the repository's work tree, or give its path (`--against 'path/to/repo/.git#branch=main'`)."
      )
    }
    let cwd = workingDirectory(of: repository)
    let probe = try git(["rev-parse", "--git-dir"], in: cwd)
    guard probe.code == 0 else {
      throw AgainstError("--against: \(repository) is not a git repository (\(probe.stderr.firstLine)).")
    }
    let commit = try resolve(ref, in: cwd, repository: repository)
    if let subdir, subdir.hasPrefix("-") || subdir.hasPrefix("/") || PathRules.normalize(subdir) == nil {
      throw AgainstError("--against: subdir=\(subdir) must be a relative path inside the repository.")
    }
    if let subdir {
      let exists = try git(["cat-file", "-e", "\(commit):\(subdir)"], in: cwd)
      guard exists.code == 0 else {
        throw AgainstError("--against: subdir=\(subdir) does not exist at \(describe(ref)) (\(commit.prefix(12))).")
      }
    }
    let root: String
    do {
      root = try FileSystem.makeTemporaryDirectory(prefix: "sebuf-against-")
    } catch {
      throw AgainstError("--against: \(error)")
    }
    let tar = root + "/.tree.tar"
    // `commit` is a resolved hex id and `subdir` was checked not to start with `-`; the
    // `--` keeps git from ever reading a path as an option.
    var args = ["archive", "--format=tar", "-o", tar, commit]
    if let subdir { args += ["--", subdir] }
    let archive = try git(args, in: cwd)
    guard archive.code == 0 else {
      FileSystem.removeTree(root)
      throw AgainstError("--against: git archive failed for \(describe(ref)): \(archive.stderr.firstLine)")
    }
    let untar = try run("tar", ["-xf", tar, "-C", root], in: cwd)
    try? FileSystem.remove(tar)
    guard untar.code == 0 else {
      FileSystem.removeTree(root)
      throw AgainstError("--against: could not unpack \(describe(ref)): \(untar.stderr.firstLine)")
    }
    return (root, subdir.map { root + "/" + $0 } ?? root)
  }

  /// The commit a ref names, or an error that says how to make it available.
  static func resolve(_ ref: AgainstInput.GitRef, in cwd: String, repository: String) throws -> String {
    func verify(_ name: String) throws -> String? {
      // A ref is never an option: refused when it looks like one, and `--end-of-options`
      // makes git read whatever follows as a revision (callers other than `parse` included).
      guard !name.hasPrefix("-") else { return nil }
      let r = try git(["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"], in: cwd)
      guard r.code == 0, let commit = Optional(r.stdout.firstLine), isObjectID(commit) else { return nil }
      return commit
    }
    let shallow = (try? git(["rev-parse", "--is-shallow-repository"], in: cwd).stdout.firstLine) == "true"
    let ciHint = "In GitHub Actions, set `fetch-depth: 0` on actions/checkout."
    switch ref {
    case .branch(let name):
      if let c = try verify("refs/heads/\(name)") ?? verify("refs/remotes/\(name)") { return c }
      if try verify("refs/remotes/origin/\(name)") != nil {
        throw AgainstError(
          "--against: branch \(GoString.quote(name)) is not a local branch of \(repository), but origin/\(name) is there (CI checkouts usually have only remote branches). Use `--against '.git#branch=origin/\(name)'`."
        )
      }
      throw AgainstError(
        "--against: branch \(GoString.quote(name)) was not found in \(repository)\(shallow ? " (this is a shallow clone)" : ""). Fetch it with `git fetch origin +refs/heads/\(name):refs/remotes/origin/\(name)` and use `--against '.git#branch=origin/\(name)'`. \(ciHint)"
      )
    case .tag(let name):
      if let c = try verify("refs/tags/\(name)") { return c }
      throw AgainstError(
        "--against: tag \(GoString.quote(name)) was not found in \(repository). Fetch tags with `git fetch --tags origin`. \(ciHint)"
      )
    case .ref(let name):
      if let c = try verify(name) { return c }
      if shallow {
        throw AgainstError(
          "--against: revision \(GoString.quote(name)) is not in this shallow clone of \(repository). Fetch more history with `git fetch --deepen=50` (or `git fetch --unshallow`). \(ciHint)"
        )
      }
      throw AgainstError(
        "--against: unknown revision \(GoString.quote(name)) in \(repository). Check it with `git rev-parse \(name)`; fetch it first if it lives on a remote."
      )
    }
  }

  /// A full hex object id: the only form of commit passed on to `git archive`.
  static func isObjectID(_ s: String) -> Bool {
    (s.utf8.count == 40 || s.utf8.count == 64)
      && s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
  }

  static func describe(_ ref: AgainstInput.GitRef) -> String {
    switch ref {
    case .branch(let n): "branch \(GoString.quote(n))"
    case .tag(let n): "tag \(GoString.quote(n))"
    case .ref(let n): "revision \(GoString.quote(n))"
    }
  }

  struct ToolResult {
    var code: Int32
    var stdout: String
    var stderr: String
  }

  static func git(_ args: [String], in cwd: String) throws -> ToolResult {
    // Never prompt, never page, never pick up a user's `git archive` filters.
    try run("git", ["-c", "core.pager=cat"] + args, in: cwd, env: ["GIT_TERMINAL_PROMPT": "0"])
  }

  /// How long one git or tar call may take before it is stopped.
  static let timeout: Double = 600

  /// Runs a tool through the one process runner, with a deadline and bounded output.
  static func run(_ tool: String, _ args: [String], in cwd: String, env: [String: String] = [:]) throws -> ToolResult {
    let result: ProcessResult
    do {
      result = try ProcessRunner.run(
        executable: tool, arguments: args, timeout: timeout, directory: cwd, environment: env,
        stdoutLimit: 64 << 20)
    } catch let error as ProcessRunner.SpawnError where error.notFound {
      throw AgainstError("--against: \(tool) was not found; install \(tool) to compare against git refs.")
    } catch {
      throw AgainstError("--against: could not run \(tool) (\(error)); is it installed and on PATH?")
    }
    if result.timedOut {
      throw AgainstError("--against: `\(tool) \(args.joined(separator: " "))` did not finish within \(Int(timeout)) s.")
    }
    let code: Int32
    switch result.termination {
    case .exited(let c): code = c
    case .signaled(let s): code = 128 + s
    }
    return ToolResult(
      code: code, stdout: String(decoding: result.stdout, as: UTF8.self),
      stderr: String(decoding: result.stderr, as: UTF8.self))
  }

  /// The directory git runs in for a repository given as a `.git` path or a work tree.
  static func workingDirectory(of repository: String) -> String {
    guard repository.hasSuffix(".git") else { return repository.isEmpty ? "." : repository }
    let parent = PathRules.directory(of: repository)
    return parent.isEmpty ? "/" : parent
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
    guard let top = try? git(["rev-parse", "--show-toplevel"], in: workingDirectory(of: repository)), top.code == 0,
      let root = FileSystem.realPath(top.stdout.firstLine),
      let dir = FileSystem.realPath(FilePath.absolute(directory))
    else { return nil }
    if dir == root { return "" }
    guard dir.hasPrefix(root + "/") else { return nil }
    return String(dir.dropFirst(root.count + 1))
  }
}
