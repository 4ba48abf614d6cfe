import ArgumentParser
import Config
import Diagnostics
import Plan

/// `sebuf ls-files`: the workspace's .proto files, as paths relative to the workspace.
struct LsFilesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ls-files",
    abstract: "List the workspace's .proto files.",
    discussion: """
      Prints one path per line, relative to the workspace: the files of every module minus \
      excludes. Example: `sebuf ls-files --path proto/acme` lists only that directory.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: OutputOptions

  @Option(
    help: ArgumentHelp(
      "text: one path per line; json: one object per line with path, import_path and is_import.",
      discussion: "Example: `sebuf ls-files --format json | jq -r .import_path`."))
  var format: ListFormat = .text

  enum ListFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
  }

  func run() async throws {
    let ws = try workspace.load(output)
    let paths = try workspace.workspacePaths(in: ws, output)
    var out = ""
    for f in ws.moduleFiles(paths: paths) {
      switch format {
      case .text:
        out += f.displayPath + "\n"
      case .json:
        out += "{\"path\":\(JSONString.quote(f.displayPath)),\"import_path\":\(JSONString.quote(f.importPath)),\"is_import\":false}\n"
      }
    }
    OutputStream.standardOutput.write(out)
  }
}
