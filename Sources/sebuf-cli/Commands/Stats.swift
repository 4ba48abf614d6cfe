import ArgumentParser
import Config
import Diagnostics
import Foundation
import Inputs
import Proto

/// `sebuf stats`: what the workspace's files declare, counted as `buf stats` counts.
struct StatsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Count the workspace's files, packages, messages, fields, enums, services and RPCs (as buf stats).",
    discussion: """
      Compiles the workspace and counts its module files (not imports). Example: \
      `sebuf stats --format json | jq .rpcs`.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var exclude: ExcludePathOptions
  @OptionGroup var runtime: RunOptions

  @Option(help: ArgumentHelp("text (aligned lines) or json (one object, buf's keys).", valueName: "format"))
  var format: StatsFormat = .text

  enum StatsFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
  }

  func run() async throws {
    var progress = runtime.start("stats")
    progress.stage("load workspace")
    let (ws, sources) = try workspace.resolve(output, excluding: exclude.paths)
    progress.note(ws.debugSummary)
    progress.stage("compile")
    let (image, diagnostics) = compileQuietly(sources)
    progress.end()
    printDiagnostics(diagnostics, format: output.errorFormat.diagnosticFormat, to: .standardError)
    guard let image, !diagnostics.hasErrors else { throw ExitStatus.error }
    let rows = ImageStats(image).rows
    switch format {
    case .text:
      OutputStream.standardOutput.write(
        rows.map { ($0.label + ":").padding(toLength: 21, withPad: " ", startingAt: 0) + "\($0.value)\n" }.joined())
    case .json:
      OutputStream.standardOutput.write("{" + rows.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}\n")
    }
  }
}
