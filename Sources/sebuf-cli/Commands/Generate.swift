import ArgumentParser
import Basics
import Config
import Diagnostics
import Inputs
import Plan
import Proto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `sebuf generate`: run every `generate:` entry and write what changed.
struct GenerateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Run the backends and plugins of sebuf.yaml and write their outputs.",
    discussion: """
      Only files whose bytes changed are written (atomically); files a job wrote last \
      time and no longer produces are removed; other files are never touched. Jobs whose \
      inputs did not change since the last run are skipped (.sebuf/manifest.json). \
      Examples: `sebuf generate`, `sebuf generate --only openapi`, `sebuf generate --dry-run`.
      """)

  @OptionGroup var run: GenerateRunOptions

  @Flag(help: "Ignore the manifest and run every job (unchanged files are still not rewritten).")
  var force = false

  @Flag(
    name: .customLong("dry-run"), help: "Show what would be written, new/changed/unchanged/stale, and write nothing.")
  var dryRun = false

  func run() async throws {
    try GenerateDriver(options: run).execute(force: force, dryRun: dryRun)
  }
}

/// Options shared by `generate` and `plan`.
struct GenerateRunOptions: ParsableArguments {
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var exclude: ExcludePathOptions

  @Option(
    name: .customLong("template"),
    help: ArgumentHelp(
      "Take the generate entries and managed mode from this file instead (a buf.gen.yaml v2, or `version: v1` with `generate:`).",
      discussion: """
        As buf's --template: modules, includes and deps still come from the workspace. Outputs are \
        recorded per template, so a later plain `sebuf generate` keeps them (and a template run \
        keeps the workspace's). Example: `sebuf generate --template buf.gen.docs.yaml`.
        """,
      valueName: "file"),
    completion: .file(extensions: ["yaml", "yml"]))
  var template: String?

  @Option(
    name: .customLong("only"),
    help: ArgumentHelp(
      "Run only this generate entry: its name, backend id or plugin name (repeatable).",
      discussion: "Other entries' outputs and manifest records are left alone. Example: `--only openapi`.",
      valueName: "name"),
    completion: CompletionWords.generateLabels)
  var only: [String] = []

  @Option(
    name: .customLong("plugin-timeout"),
    help: ArgumentHelp("Seconds before a hung plugin is killed.", valueName: "seconds"))
  var pluginTimeout: Double = 120

  @Flag(
    help: ArgumentHelp(
      "Also remove every file in each out directory that this run does not produce.",
      discussion: "buf's smart clean, as `clean: true` in buf.gen.yaml: unchanged files keep their mtime."))
  var clean = false

  @Option(
    name: .customLong("lock-timeout"),
    help: ArgumentHelp("Seconds to wait while another sebuf run holds the workspace's lock.", valueName: "seconds"))
  var lockTimeout: Double = 60

  @Flag(
    name: .customLong("include-imports"),
    help: "Also generate for the files the targets import (every entry's include_imports, for this run).")
  var includeImports = false

  @Flag(
    name: .customLong("include-wkt"),
    help: "With --include-imports: also generate the well-known types (google/protobuf/*.proto).")
  var includeWKT = false

  func validate() throws {
    if includeWKT && !includeImports { throw ValidationError("--include-wkt needs --include-imports (as in buf)") }
  }

  @OptionGroup var runtime: RunOptions
}

/// The wiring of `generate` and `plan`: load, run the Plan engine, print.
struct GenerateDriver {
  var options: GenerateRunOptions

  func execute(force: Bool, dryRun: Bool) throws {
    signal(SIGPIPE, SIG_IGN)
    let start = ContinuousClock.now
    _ = options.runtime.start(dryRun ? "plan" : "generate")
    // Plan's stage timer reports when SEBUF_TIMINGS=1: --debug is that switch on the
    // command line.
    if options.runtime.debug { setenv("SEBUF_TIMINGS", "1", 1) }
    let format = options.output.errorFormat.diagnosticFormat
    var workspace = try options.workspace.load(options.output, scope: .generation)
    let excludes: [String]
    do {
      if let template = options.template { workspace = try workspace.applyingTemplate(template) }
      excludes = try workspace.excludePaths(options.exclude.paths)
    } catch let e as DiagnosticError {
      printDiagnostics(e.diagnostics, format: format, to: .standardError)
      throw ExitStatus.error
    }
    if options.clean { for i in workspace.generate.indices { workspace.generate[i].clean = true } }
    for i in workspace.generate.indices {
      if options.includeImports { workspace.generate[i].includeImports = true }
      if options.includeWKT { workspace.generate[i].includeWKT = true }
    }
    if workspace.generate.isEmpty {
      // Nothing to plan: say so instead of printing an empty summary.
      let hint = "e.g. `- backend: openapi` with `out: docs/openapi`"
      let message =
        options.template.map { "nothing to generate: template \($0) has no plugins or `generate:` entries" }
        ?? workspace.configFile.map { "nothing to generate: \($0) has no `generate:` entries; add one, \(hint)" }
        ?? "nothing to generate: no sebuf.yaml here or above; run `sebuf init` and add a `generate:` entry, \(hint)"
      OutputStream.standardError.write(message + "\n")
      return
    }
    let paths = try options.workspace.workspacePaths(in: workspace, options.output)
    let planner = Planner(
      workspace: workspace, registry: .native, searchPath: getenv("PATH").map { String(cString: $0) },
      // A plugin never outlives --timeout: it is killed (and reported) by then.
      pluginTimeout: min(options.pluginTimeout, Deadline.remaining ?? .infinity),
      toolFingerprint: Self.toolFingerprint()
    )
    // Excluded files are not targets but stay importable, as on every other command.
    let generation = Generation(
      planner: planner,
      compile: { ws, paths in compileQuietly(ws.excluding(relative: excludes).sourceSet(paths: paths)) })
    var runOptions = GenerateOptions(
      filter: PlanFilter(only: options.only, paths: paths, excludePaths: excludes), force: force, dryRun: dryRun,
      lockTimeout: options.lockTimeout)
    // Validate the entries and `--only` before the run takes the lock: a typo must not
    // leave a `.sebuf/` directory behind in a workspace that never generated.
    do {
      _ = try planner.specs(runOptions.filter, sourcesKey: "")
    } catch let e as DiagnosticError {
      printDiagnostics(e.diagnostics, format: format, to: .standardError)
      throw ExitStatus.error
    } catch {
      OutputStream.standardError.write("\(error)\n")
      throw ExitStatus.error
    }
    if Terminal.isTTY(.standardError) {
      runOptions.progress = { done, total, label in Terminal.progress("[\(done)/\(total)] \(label)") }
    }

    let result: GenerationResult
    do {
      result = try generation.run(runOptions)
    } catch let e as DiagnosticError {
      // A plugin killed at the deadline: the run timed out, and says so (exit 1).
      if Deadline.hasPassed { Deadline.fire() }
      Terminal.endProgress()
      printDiagnostics(e.diagnostics, format: format, to: .standardError)
      throw ExitStatus.error
    } catch {
      if Deadline.hasPassed { Deadline.fire() }
      Terminal.endProgress()
      OutputStream.standardError.write("\(error)\n")
      throw ExitStatus.error
    }
    Terminal.endProgress()
    printDiagnostics(result.diagnostics, format: format, to: .standardError, shownUnder: workspace.shownBase)
    let ms = Int((ContinuousClock.now - start) / .milliseconds(1))
    let report = result.report
    if dryRun {
      OutputStream.standardOutput.write(PlanPrinter.render(report))
      OutputStream.standardOutput.write(
        "would write \(report.wrote), unchanged \(report.unchanged), remove \(report.removed), skip \(report.skippedJobs) jobs (\(ms) ms)\n"
      )
    } else {
      if options.runtime.debug { OutputStream.standardError.write(PlanPrinter.render(report)) }
      OutputStream.standardError.write(
        "wrote \(report.wrote), unchanged \(report.unchanged), removed \(report.removed), skipped \(report.skippedJobs) jobs in \(ms) ms\n"
      )
    }
  }

  /// sebuf's version plus the size and mtime of the running binary: a rebuilt sebuf
  /// (new backends) never reuses outputs recorded by another build.
  static func toolFingerprint() -> String {
    let stamp = FileSystem.stamp("/proc/self/exe") ?? FileSystem.stamp(CommandLine.arguments[0])
    return SebufVersion.current + (stamp.map { ":\($0.size):\($0.mtime)" } ?? "")
  }
}

/// Prints a plan: each job, then each file with what would happen to it.
enum PlanPrinter {
  static func render(_ report: WriteReport) -> String {
    var out = ""
    for job in report.jobs {
      if job.skipped && job.changes.isEmpty {
        out += "\(job.id): up to date\n"
        continue
      }
      out += "\(job.id):\n"
      for c in job.changes { out += "  " + c.kind.rawValue.padding(10) + c.path + "\n" }
    }
    if !report.orphanRemovals.isEmpty {
      out += "(entries removed from the config):\n"
      for c in report.orphanRemovals { out += "  " + c.kind.rawValue.padding(10) + c.path + "\n" }
    }
    return out
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
