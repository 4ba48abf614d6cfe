// Completion values computed when the user presses TAB: `sebuf` is run by the shell
// script with the words typed so far, and answers from the workspace, git and the
// rule catalogs. Each answer must be quick and must never fail loudly: a completion
// that errors prints nothing.
import ArgumentParser
import Basics
import Config
import Lint
import Proto

enum CompletionWords {
  /// `--only`: the labels of the workspace's `generate:` entries (names, else backend or
  /// plugin); the native backend ids when there are none.
  static let generateLabels: CompletionKind = .custom { words, _, prefix in
    let (directory, config) = CompletionContext.workspace(in: words)
    let labels =
      (try? Workspace.load(directory: directory, configFile: config, scope: .generation))?.generate.map(\.label) ?? []
    return (labels.isEmpty ? GenerateEntry.nativeBackends : labels).filter { $0.hasPrefix(prefix) }
  }

  /// `--against`: `.git#branch=` and `.git#tag=` forms with the repository's branches and
  /// tags, `.git#ref=HEAD~1`, then directories and image files.
  static let against: CompletionKind = .custom { words, _, prefix in
    let (directory, _) = CompletionContext.workspace(in: words)
    return AgainstCompletion.words(prefix: prefix, gitDirectory: directory)
  }

  /// `lint --use`: lint rule and category ids.
  static let lintIDs: CompletionKind = .custom { _, _, prefix in ids(LintCatalog.catalog, prefix) }

  /// `breaking --use`: breaking rule and category ids.
  static let breakingIDs: CompletionKind = .custom { _, _, prefix in ids(BreakingCatalog.catalog, prefix) }

  /// Categories first (the usual choice), then rules, each sorted.
  static func ids(_ catalog: RuleCatalog, _ prefix: String) -> [String] {
    let up = prefix.uppercased()
    let categories = catalog.categories.filter { !$0.deprecated }.map(\.id).sorted()
    return (categories + catalog.rules.map(\.id).sorted()).filter { $0.hasPrefix(up) }
  }
}

/// Where the command line being completed points: its workspace directory (the first
/// word that names a directory and is not an option's value) and its `--config`.
enum CompletionContext {
  /// Options whose next word is their value, not the workspace directory.
  static let valued: Set<String> = [
    "--only", "--path", "--config", "--error-format", "--plugin-timeout", "--lock-timeout", "--against",
    "--use", "--image", "-o", "--output", "--format", "--exclude-path", "--template",
  ]

  static func workspace(in words: [String]) -> (directory: String, config: String?) {
    var directory = "."
    var config: String?
    var i = 1  // words[0] is the program
    var sawSubcommand = false
    while i < words.count {
      let w = words[i]
      if w == "--config", i + 1 < words.count {
        config = words[i + 1]
      } else if !w.hasPrefix("-") {
        if sawSubcommand && directory == "." && !w.isEmpty && FileSystem.isDirectory(w) { directory = w }
        sawSubcommand = true
      }
      i += valued.contains(w) ? 2 : 1
    }
    return (directory, config)
  }
}

/// The `--against` candidates.
enum AgainstCompletion {
  static func words(prefix: String, gitDirectory: String) -> [String] {
    var out: [String] = []
    if ".git#".hasPrefix(prefix) || prefix.hasPrefix(".git#") {
      let (branches, tags) = gitRefs(in: gitDirectory)
      out += branches.map { ".git#branch=" + $0 } + tags.map { ".git#tag=" + $0 } + [".git#ref=HEAD~1"]
      out = out.filter { $0.hasPrefix(prefix) }
    }
    if !prefix.hasPrefix(".git#") { out += paths(prefix: prefix) }
    return out
  }

  /// Local and remote-tracking branches and tags, from `git for-each-ref` (nothing
  /// outside a repository or without git).
  static func gitRefs(in directory: String) -> (branches: [String], tags: [String]) {
    guard
      let r = try? ProcessRunner.run(
        executable: "git",
        arguments: ["for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes", "refs/tags"],
        timeout: 5, directory: directory, stdoutLimit: 1 << 20),
      r.termination == .exited(0)
    else { return ([], []) }
    var branches: [String] = []
    var tags: [String] = []
    for line in String(decoding: r.stdout, as: UTF8.self).split(separator: "\n") {
      if line.hasPrefix("refs/heads/") { branches.append(String(line.dropFirst(11))) }
      // `origin/main`: what a CI checkout has instead of local branches.
      if line.hasPrefix("refs/remotes/") && !line.hasSuffix("/HEAD") { branches.append(String(line.dropFirst(13))) }
      if line.hasPrefix("refs/tags/") { tags.append(String(line.dropFirst(10))) }
    }
    return (branches, tags)
  }

  /// Directories (with a trailing `/`) and image files under the prefix's directory;
  /// hidden entries only when the typed name starts with a dot.
  static func paths(prefix: String) -> [String] {
    let slash = prefix.lastIndex(of: "/")
    let dirPart = slash.map { String(prefix[...$0]) } ?? ""
    let base = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
    var out: [String] = []
    for entry in FileSystem.list(dirPart.isEmpty ? "." : dirPart).sorted(by: { $0.name < $1.name }) {
      guard entry.name.hasPrefix(base), !entry.name.hasPrefix(".") || base.hasPrefix(".") else { continue }
      if entry.isDirectory {
        if entry.name != ".git" { out.append(dirPart + entry.name + "/") }
      } else if ImageIO.Format(path: entry.name) != nil {
        out.append(dirPart + entry.name)
      }
    }
    return out
  }
}
