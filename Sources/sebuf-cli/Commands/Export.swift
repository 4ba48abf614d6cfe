import ArgumentParser
import Basics
import Config
import Diagnostics
import Inputs
import Proto

/// `sebuf export`: copy the workspace's files and their imports into a directory.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Copy the workspace's .proto files and the files they import into a directory (as buf export).",
    discussion: """
      Files are written by import path (`acme/v1/a.proto`), so the directory is one import \
      root for protoc (`-I out`). Imports from include roots, dependencies and sebuf's bundled \
      protos come along; the well-known types do not (every compiler has them). Only files \
      whose bytes differ are rewritten. Example: `sebuf export -o /tmp/api --path proto/acme`.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var exclude: ExcludePathOptions
  @OptionGroup var runtime: RunOptions

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("The directory to write into (created if missing).", valueName: "dir"),
    completion: .directory)
  var outputDirectory: String

  @Flag(name: .customLong("exclude-imports"), help: "Copy only the workspace's own files, not what they import.")
  var excludeImports = false

  func run() async throws {
    var progress = runtime.start("export")
    progress.stage("load workspace")
    let (ws, sources) = try workspace.resolve(output, excluding: exclude.paths)
    progress.note(ws.debugSummary)
    progress.stage("compile")
    let (image, diagnostics) = compileQuietly(sources)
    progress.pause()
    printDiagnostics(diagnostics, format: output.errorFormat.diagnosticFormat, to: .standardError)
    guard let image, !diagnostics.hasErrors else {
      progress.end()
      throw ExitStatus.error
    }
    let files = ModuleExport.files(image, sources: sources, includeImports: !excludeImports)
    progress.stage("write \(files.count) files to \(outputDirectory)")
    do {
      for file in files {
        let target = FilePath.join(outputDirectory, file.path)
        _ = try FileSystem.makeDirectories(PathRules.directory(of: target))
        if FileSystem.read(target) != file.bytes { try FileSystem.writeAtomically(file.bytes, to: target) }
      }
    } catch {
      progress.end()
      printDiagnostics(
        [.error("cannot write into \(outputDirectory): \(error)", rule: "IO")],
        format: output.errorFormat.diagnosticFormat, to: .standardError)
      throw ExitStatus.error
    }
    progress.end()
  }
}
