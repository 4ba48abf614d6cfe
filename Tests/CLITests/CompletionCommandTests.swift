import Foundation
import TestSupport
import Testing

/// `sebuf completion`: the committed scripts are current, and each shell really loads them.
@Suite struct CompletionCommandTests {
  static let shells = ["bash", "zsh", "fish"]

  @Test(arguments: shells)
  func committedScriptIsCurrent(_ shell: String) throws {
    let r = try CLI.run(["completion", shell])
    #expect(r.status == 0)
    let committed = try String(contentsOfFile: CLI.packageRoot + "/completions/sebuf.\(shell)", encoding: .utf8)
    #expect(r.stdout == committed, "completions/sebuf.\(shell) is stale: run scripts/gen-completions")
  }

  @Test func unknownShellIsAnArgumentError() throws {
    let r = try CLI.run(["completion", "nushell"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("The value 'nushell' is invalid for '<shell>'"))
  }

  /// Drives bash's completion function the way readline does (COMP_WORDS/COMP_CWORD).
  func bashComplete(_ line: String) throws -> [String] {
    let script = """
      source '\(CLI.packageRoot)/completions/sebuf.bash'
      complete -p sebuf || exit 3
      COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
      read -ra COMP_WORDS <<<"$COMP_LINE"
      [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
      COMP_CWORD=$((${#COMP_WORDS[@]}-1))
      _sebuf sebuf "${COMP_WORDS[$COMP_CWORD]}" "${COMP_WORDS[$COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let r = try CLI.runTool("/bin/bash", ["--norc", "-c", script])
    #expect(r.status == 0, "bash: \(r.stderr)")
    var lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "complete -o filenames -F _sebuf sebuf")
    lines.removeFirst()
    return lines
  }

  @Test func bashCompletesSubcommandsFlagsAndValues() throws {
    #expect(try bashComplete("sebuf gen") == ["generate"])
    #expect(try bashComplete("sebuf l") == ["lint", "ls-files"])
    #expect(try bashComplete("sebuf completion ") == ["bash", "zsh", "fish"])
    #expect(
      try bashComplete("sebuf ls-files --error-format ") == [
        "text", "json", "github-actions", "gitlab-code-quality", "junit", "msvs",
      ])
    #expect(try bashComplete("sebuf ls-files --error-format gi") == ["github-actions", "gitlab-code-quality"])
    #expect(try bashComplete("sebuf ls-files --error-format gith") == ["github-actions"])
    #expect(try bashComplete("sebuf ls-files --co").contains("--config"))
  }

  @Test func bashCompletesDirectoriesForTheWorkspaceArgument() throws {
    let s = Scratch()
    defer { s.remove() }
    s.write("protos/a.proto", "")
    s.write("plain.txt", "")
    let script = """
      cd '\(s.path)'
      source '\(CLI.packageRoot)/completions/sebuf.bash'
      COMP_LINE='sebuf ls-files p'; COMP_POINT=${#COMP_LINE}
      COMP_WORDS=(sebuf ls-files p); COMP_CWORD=2
      _sebuf sebuf p ls-files
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let r = try CLI.runTool("/bin/bash", ["--norc", "-c", script])
    #expect(r.stdout == "protos\n")
  }

  @Test(.oracle("/usr/bin/zsh")) func zshScriptParses() throws {
    try OracleTools.require(["/usr/bin/zsh"])
    let file = CLI.packageRoot + "/completions/sebuf.zsh"
    let r = try CLI.runTool("/usr/bin/zsh", ["-n", file])
    #expect(r.status == 0, "zsh -n: \(r.stderr)")
    #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("#compdef sebuf"))
  }

  @Test(.oracle("/usr/bin/fish")) func fishScriptParsesAndCompletes() throws {
    try OracleTools.require(["/usr/bin/fish"])
    let file = CLI.packageRoot + "/completions/sebuf.fish"
    let n = try CLI.runTool("/usr/bin/fish", ["-n", file])
    #expect(n.status == 0, "fish -n: \(n.stderr)")
    let binDir = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
    let path = binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let r = try CLI.runTool(
      "/usr/bin/fish",
      ["--no-config", "-c", "source \(file); complete -C 'sebuf gen'; complete -C 'sebuf completion '"],
      env: ["PATH": path])
    let words = r.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
    #expect(words == ["generate", "bash", "zsh", "fish"])
  }
}
