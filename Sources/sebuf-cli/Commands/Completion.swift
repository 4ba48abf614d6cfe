import ArgumentParser

/// `sebuf completion bash|zsh|fish`: prints a shell completion script.
struct CompletionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "completion",
    abstract: "Print a shell completion script (bash, zsh or fish).",
    discussion: """
      Examples:
        bash: sebuf completion bash > ~/.local/share/bash-completion/completions/sebuf
        zsh:  sebuf completion zsh > "${fpath[1]}/_sebuf"
        fish: sebuf completion fish > ~/.config/fish/completions/sebuf.fish
      """)

  enum Shell: String, CaseIterable, ExpressibleByArgument {
    case bash, zsh, fish
    var completionShell: CompletionShell {
      switch self {
      case .bash: .bash
      case .zsh: .zsh
      case .fish: .fish
      }
    }
  }

  @Argument(help: "The shell: bash, zsh or fish.")
  var shell: Shell

  @OptionGroup var runtime: RunOptions

  func run() async throws {
    var progress = runtime.start("completion", live: false)
    progress.stage("render the \(shell.rawValue) script")
    let script = CompletionScripts.script(for: shell.completionShell)
    progress.end()
    OutputStream.standardOutput.write(script)
  }
}
