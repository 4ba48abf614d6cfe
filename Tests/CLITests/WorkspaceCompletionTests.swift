import Foundation
import TestSupport
import Testing

/// Completion that knows the workspace, driven in real shells: bash through its
/// completion function (COMP_WORDS, as readline calls it), zsh under `zpty` with
/// `compadd` recording what it offers, fish through `complete -C`. The workspace has
/// named and plugin entries, a directory named like a backend, git branches and tags,
/// an image file.
@Suite(.serialized) struct WorkspaceCompletionTests {
  static let commands = [
    "build", "generate", "lint", "breaking", "format", "plan", "ls-files", "init", "completion", "stats", "export",
    "config",
  ]

  /// A git repository holding a workspace: entries `docs` (named) and `protoc-gen-go`
  /// (a plugin), a `go-client/` directory, branches `main` and `feature-x`, tag `v1.0`.
  static func workspace() throws -> Scratch {
    let s = Scratch()
    s.write(
      "sebuf.yaml",
      "version: v1\ngenerate:\n  - name: docs\n    backend: openapi\n    out: docs\n  - plugin: protoc-gen-go\n    out: gen\n"
    )
    s.write("a/v1/a.proto", "syntax = \"proto3\";\npackage a.v1;\n")
    s.write("go-client/README.md", "")
    s.write("old.binpb", "")
    for args in [
      ["init", "-q", "-b", "main"], ["add", "."],
      ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "one"], ["branch", "feature-x"],
      ["tag", "v1.0"],
    ] {
      let r = try CLI.runTool("/usr/bin/git", args, in: s.path)
      #expect(r.status == 0, "git \(args): \(r.stderr)")
    }
    return s
  }

  /// PATH with the built sebuf first (the scripts run `sebuf` to compute values).
  static var path: String {
    URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path + ":"
      + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
  }

  // MARK: bash

  /// COMPREPLY for `line`, and the `compopt` calls the script made (recorded by a stub:
  /// compopt only works inside readline's completion).
  func bash(_ line: String, in dir: String) throws -> (words: [String], compopt: [String]) {
    let script = """
      cd '\(dir)'
      source '\(CLI.packageRoot)/completions/sebuf.bash'
      calls=(); compopt() { calls+=("compopt $*"); }
      COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
      read -ra COMP_WORDS <<<"$COMP_LINE"
      [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
      COMP_CWORD=$((${#COMP_WORDS[@]}-1))
      _sebuf sebuf "${COMP_WORDS[$COMP_CWORD]}" "${COMP_WORDS[$COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}" "${calls[@]}"
      """
    let r = try CLI.runTool("/bin/bash", ["--norc", "-c", script], env: ["PATH": Self.path])
    #expect(r.status == 0, "bash: \(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    return (lines.filter { !$0.hasPrefix("compopt ") }, lines.filter { $0.hasPrefix("compopt ") })
  }

  @Test func bashHelpOffersTheSubcommands() throws {
    let s = try Self.workspace()
    defer { s.remove() }
    #expect(try bash("sebuf help ", in: s.path).words == Self.commands)
    #expect(try bash("sebuf help l", in: s.path).words == ["lint", "ls-files"])
  }

  @Test func bashOnlyOffersTheWorkspaceEntriesNotADirectory() throws {
    let s = try Self.workspace()
    defer { s.remove() }
    #expect(try bash("sebuf generate --only ", in: s.path).words == ["docs", "protoc-gen-go"])
    #expect(try bash("sebuf plan --only pro", in: s.path).words == ["protoc-gen-go"])
    // Entries of the workspace named on the command line, from elsewhere.
    #expect(try bash("sebuf generate \(s.path) --only d", in: "/").words == ["docs"])
    // Outside a workspace: the backend ids; a same-named directory must not become
    // `go-client/` (the value is a word, not a file name).
    let outside = Scratch()
    defer { outside.remove() }
    outside.write("go-client/x.txt", "")
    let r = try bash("sebuf generate --only go-c", in: outside.path)
    #expect(r.words == ["go-client"])
    #expect(r.compopt.contains("compopt +o filenames"))
  }

  @Test func bashAgainstOffersGitFormsDirectoriesAndImages() throws {
    let s = try Self.workspace()
    defer { s.remove() }
    #expect(
      try bash("sebuf breaking --against ", in: s.path).words == [
        ".git#branch=feature-x", ".git#branch=main", ".git#tag=v1.0", ".git#ref=HEAD~1", "a/", "go-client/",
        "old.binpb",
      ])
    #expect(try bash("sebuf breaking --against .git#t", in: s.path).words == [".git#tag=v1.0"])
    let dir = try bash("sebuf breaking --against go", in: s.path)
    #expect(dir.words == ["go-client/"])
    #expect(dir.compopt.contains("compopt -o nospace"))
  }

  /// After an opening quote the word bash hands over still starts with it
  /// (`'.git#t`): values complete as without the quote.
  @Test func bashCompletesAfterAnOpeningQuote() throws {
    let s = try Self.workspace()
    defer { s.remove() }
    func complete(_ word: String, _ flag: String = "--against", _ command: String = "breaking") throws -> [String] {
      let script = """
        cd '\(s.path)'
        source '\(CLI.packageRoot)/completions/sebuf.bash'
        compopt() { :; }
        word="$1"
        COMP_WORDS=(sebuf \(command) \(flag) "$word"); COMP_CWORD=3
        COMP_LINE="sebuf \(command) \(flag) $word"; COMP_POINT=${#COMP_LINE}
        _sebuf sebuf "$word" \(flag)
        printf '%s\\n' "${COMPREPLY[@]}"
        """
      let r = try CLI.runTool("/bin/bash", ["--norc", "-c", script, "bash", word], env: ["PATH": Self.path])
      #expect(r.status == 0, "bash: \(r.stderr)")
      return r.stdout.split(separator: "\n").map(String.init)
    }
    #expect(try complete("'.git#t") == [".git#tag=v1.0"])
    #expect(try complete("\".git#branch=f") == [".git#branch=feature-x"])
    #expect(try complete("'pro", "--only", "generate") == ["protoc-gen-go"])
  }

  /// Interactive bash splits words at `=` (COMP_WORDBREAKS): `.git#branch=fe` arrives as
  /// `.git#branch`, `=`, `fe`, and readline replaces only `fe`.
  @Test func bashCompletesABranchNameAfterTheEqualsSign() throws {
    let s = try Self.workspace()
    defer { s.remove() }
    func complete(_ words: [String], _ cur: String, _ prev: String) throws -> [String] {
      let script = """
        cd '\(s.path)'
        source '\(CLI.packageRoot)/completions/sebuf.bash'
        compopt() { :; }
        COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
        COMP_LINE='sebuf breaking --against .git#branch=\(cur)'; COMP_POINT=${#COMP_LINE}
        _sebuf sebuf '\(cur)' '\(prev)'
        printf '%s\\n' "${COMPREPLY[@]}"
        """
      let r = try CLI.runTool("/bin/bash", ["--norc", "-c", script], env: ["PATH": Self.path])
      #expect(r.status == 0, "bash: \(r.stderr)")
      return r.stdout.split(separator: "\n").map(String.init)
    }
    #expect(try complete(["sebuf", "breaking", "--against", ".git#branch", "=", "fe"], "fe", "=") == ["feature-x"])
    #expect(
      try complete(["sebuf", "breaking", "--against", ".git#branch", "="], "", ".git#branch") == ["feature-x", "main"])
  }

  @Test func bashUseOffersRuleAndCategoryIDs() throws {
    let s = try Self.workspace()
    defer { s.remove() }
    #expect(
      try bash("sebuf lint --use IMPORT_", in: s.path).words == ["IMPORT_NO_PUBLIC", "IMPORT_NO_WEAK", "IMPORT_USED"])
    let breaking = try bash("sebuf breaking --use ", in: s.path).words
    #expect(breaking.contains("FILE") && breaking.contains("FIELD_NO_DELETE"))
    #expect(try bash("sebuf breaking --use FIELD_NO_DELETE_UNLESS_N", in: s.path).words.count == 2)
  }

  @Test func everyScriptEndsWithANewline() throws {
    for shell in ["bash", "zsh", "fish"] {
      let text = try String(contentsOfFile: CLI.packageRoot + "/completions/sebuf.\(shell)", encoding: .utf8)
      #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), "\(shell)")
    }
  }

  // MARK: zsh

  /// What zsh's completion system offers for `line` (TAB pressed at its end), recorded by
  /// a `compadd` wrapper in an interactive zsh under zpty.
  func zsh(_ line: String, in dir: String) throws -> [String] {
    let fpath = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-zfp-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: fpath, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: fpath) }
    try FileManager.default.copyItem(atPath: CLI.packageRoot + "/completions/sebuf.zsh", toPath: fpath + "/_sebuf")
    let setup = """
      PROMPT= ; RPROMPT=
      cd '\(dir)'
      fpath=('\(fpath)' $fpath)
      autoload -U compinit; compinit -u -D
      zstyle ':completion:*' list-grouped false
      zstyle ':completion:*' insert-tab false
      compadd () {
        [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]] && { builtin compadd "$@"; return $? }
        typeset -a __hits __dscr
        builtin compadd -A __hits -D __dscr "$@"
        local ret=$?
        (( $#__hits )) || return $ret
        local i; for i in {1..$#__hits}; do print -r -- "<""<${__hits[i]}>"">"; done
        return $ret
      }
      _sebuf_test_done() { print -r -- "<""<END>"">" }
      zle -N _sebuf_test_done
      bindkey '^I' complete-word
      bindkey '^X' _sebuf_test_done
      """
    try setup.write(toFile: fpath + "/setup.zsh", atomically: true, encoding: .utf8)
    let driver = """
      zmodload zsh/zpty
      zpty z zsh -f -i
      zpty -w z "source ${(q)1}"
      zpty -n -w z "$2"$'\\t'
      zpty -n -w z $'\\C-x'
      local line out=()
      while zpty -r z line; do
        [[ $line == *'<<END>>'* ]] && break
        for m in ${(M)${(s:<<:)line}:#*>>*}; do out+=("${m%%>>*}"); done
      done
      print -rl -- ${(u)out}
      zpty -d z
      """
    let r = try CLI.runTool(
      "/usr/bin/timeout", ["30", "/usr/bin/zsh", "-f", "-c", driver, "zsh", fpath + "/setup.zsh", line],
      env: ["PATH": Self.path])
    #expect(r.status == 0, "zsh: \(r.stderr)")
    return r.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: "\\", with: "") }
  }

  @Test(.oracle("/usr/bin/zsh")) func zshCompletesCommandsFlagsValuesAndPaths() throws {
    try OracleTools.require(["/usr/bin/zsh"])
    let s = try Self.workspace()
    defer { s.remove() }
    #expect(try zsh("sebuf gen", in: s.path) == ["generate"])
    #expect(try zsh("sebuf help ", in: s.path) == Self.commands)
    #expect(
      try zsh("sebuf ls-files --error-format ", in: s.path) == [
        "text", "json", "github-actions", "gitlab-code-quality", "junit", "msvs",
      ])
    #expect(try zsh("sebuf generate --only ", in: s.path) == ["docs", "protoc-gen-go"])
    #expect(try zsh("sebuf breaking --against .git#b", in: s.path) == [".git#branch=feature-x", ".git#branch=main"])
    #expect(try zsh("sebuf lint --use IMPORT_U", in: s.path) == ["IMPORT_USED"])
    #expect(try zsh("sebuf lint --show-rule", in: s.path) == ["--show-rule-ids"])
    #expect(try zsh("sebuf ls-files go", in: s.path) == ["go-client"])
  }

  // MARK: fish

  func fish(_ line: String, in dir: String) throws -> [String] {
    let file = CLI.packageRoot + "/completions/sebuf.fish"
    let r = try CLI.runTool(
      "/usr/bin/fish", ["--no-config", "-c", "cd '\(dir)'; source \(file); complete -C '\(line)'"],
      env: ["PATH": Self.path])
    #expect(r.status == 0 && r.stderr.isEmpty, "fish: \(r.stderr)")
    return r.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
  }

  @Test(.oracle("/usr/bin/fish")) func fishCompletesCommandsFlagsValuesAndPaths() throws {
    try OracleTools.require(["/usr/bin/fish"])
    let s = try Self.workspace()
    defer { s.remove() }
    #expect(try fish("sebuf help ", in: s.path) == Self.commands)
    #expect(try fish("sebuf ls-files --error-format g", in: s.path) == ["github-actions", "gitlab-code-quality"])
    #expect(try fish("sebuf generate --only ", in: s.path) == ["docs", "protoc-gen-go"])
    #expect(try fish("sebuf breaking --against .git#", in: s.path).contains(".git#tag=v1.0"))
    // fish hides `.`-candidates for an empty token: the git forms come with the
    // repository's absolute path, and that value works.
    let real = URL(fileURLWithPath: s.path).resolvingSymlinksInPath().path
    let empty = try fish("sebuf breaking --against ", in: s.path)
    #expect(empty.contains("\(real)/.git#branch=main"), "\(empty)")
    #expect(empty.contains("a/") && empty.contains("old.binpb"))
    let run = try CLI.run(["breaking", "--against", "\(real)/.git#branch=main"], in: s.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try fish("sebuf breaking --against .git#branch=f", in: s.path) == [".git#branch=feature-x"])
    #expect(try fish("sebuf breaking --use FIELD_NO_DEL", in: s.path).contains("FIELD_NO_DELETE"))
    #expect(try fish("sebuf lint --show-rule", in: s.path) == ["--show-rule-ids"])
    #expect(try fish("sebuf ls-files go", in: s.path) == ["go-client/"])
  }
}
