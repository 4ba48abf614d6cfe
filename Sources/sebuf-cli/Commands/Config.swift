import ArgumentParser
import Basics
import Config
import Diagnostics

/// `sebuf config`: facts about the workspace file, as `buf config`.
struct ConfigCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show what the workspace file configures (config ls-modules).",
    subcommands: [LsModulesCommand.self])
}

/// `sebuf config ls-modules`: the workspace's modules, as `buf config ls-modules`.
struct LsModulesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ls-modules",
    abstract: "List the workspace's modules: their paths (default), names, or JSON.",
    discussion: """
      One module per line, sorted by path, as buf prints them. --format name prints the \
      modules that have a name (buf.yaml's `name:`); json prints {"path":…,"name":…} lines. \
      Example: `sebuf config ls-modules --format json`.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var runtime: RunOptions

  @Option(help: ArgumentHelp("path, name or json.", valueName: "format"))
  var format: ModulesFormat = .path

  enum ModulesFormat: String, CaseIterable, ExpressibleByArgument {
    case path, name, json
  }

  func run() async throws {
    var progress = runtime.start("config ls-modules", live: false)
    progress.stage("load workspace")
    let ws = try workspace.load(output)
    progress.end()
    var out = ""
    for m in ws.modules.sorted(by: { $0.path < $1.path }) {
      switch format {
      case .path: out += m.path + "\n"
      case .name: if let name = m.name { out += name + "\n" }
      case .json:
        out +=
          "{\"path\":\(JSONString.quote(m.path))" + (m.name.map { ",\"name\":\(JSONString.quote($0))" } ?? "") + "}\n"
      }
    }
    OutputStream.standardOutput.write(out)
  }
}
