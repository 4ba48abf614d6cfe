import ArgumentParser
import Basics
import Config
import Diagnostics
import Inputs
import Proto

/// `sebuf ls-files`: the workspace's .proto files, as paths relative to the workspace.
struct LsFilesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ls-files",
    abstract: "List the workspace's .proto files.",
    discussion: """
      Prints one path per line, relative to the workspace: the files of every module minus \
      excludes. Example: `sebuf ls-files --path proto/acme` lists only that directory.

      With --include-imports the files are compiled and every file they import is listed \
      too: files of include roots by their workspace path, bundled files (well-known types, \
      sebuf/http/*.proto) by their import path.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var exclude: ExcludePathOptions
  @OptionGroup var runtime: RunOptions

  @Option(
    help: ArgumentHelp(
      "text: one path per line; json: one object per line with path, import_path and is_import.",
      discussion: "Example: `sebuf ls-files --format json | jq -r .import_path`."))
  var format: ListFormat = .text

  @Flag(
    help: "Also list the files the module files import (compiles them). Example: `sebuf ls-files --include-imports`.")
  var includeImports = false

  enum ListFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
  }

  func run() async throws {
    var progress = runtime.start("ls-files", live: false)
    progress.stage("load workspace")
    let ws = try workspace.load(output, excluding: exclude.paths)
    progress.note(ws.debugSummary)
    let paths = try workspace.workspacePaths(in: ws, output)
    progress.stage("list module files")
    var files = ws.moduleFiles(paths: paths).map { (path: $0.displayPath, importPath: $0.importPath, isImport: false) }
    if includeImports {
      progress.stage("compile \(files.count) files")
      let (image, diagnostics) = compileQuietly(ws.sourceSet(paths: paths))
      progress.end()
      printDiagnostics(
        diagnostics, format: output.errorFormat.diagnosticFormat, to: .standardError, shownUnder: ws.shownBase)
      guard let image, !diagnostics.hasErrors else { throw ExitStatus.error }
      files = image.files.map { (path: $0.displayPath, importPath: $0.name, isImport: $0.isImport) }
        .sorted { $0.path < $1.path }
    }
    progress.end()
    var out = ""
    for var f in files {
      // Module files read from the current directory, as buf lists them; imports by import path.
      if !f.isImport && !ws.shownBase.isEmpty { f.path = FilePath.join(ws.shownBase, f.path) }
      switch format {
      case .text:
        out += f.path + "\n"
      case .json:
        out += "{\"path\":\(JSONString.quote(f.path)),\"import_path\":\(JSONString.quote(f.importPath)),"
        out += "\"is_import\":\(f.isImport)"
        // A bundled file (not shadowed by a workspace or vendored copy) names its module and version.
        if f.isImport, f.path == f.importPath, let m = BundledModules.module(ofBundledFile: f.importPath) {
          out += ",\"module\":\(JSONString.quote(m.name)),\"version\":\(JSONString.quote(m.version))"
        }
        out += "}\n"
      }
    }
    OutputStream.standardOutput.write(out)
  }
}
