import ArgumentParser
import Config
import Diagnostics
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

  @Flag(name: .customLong("dry-run"), help: "Show what would be written, new/changed/unchanged/stale, and write nothing.")
  var dryRun = false

  func run() async throws {
    try GenerateDriver(options: run).execute(force: force, dryRun: dryRun)
  }
}

/// Options shared by `generate` and `plan`.
struct GenerateRunOptions: ParsableArguments {
  @Argument(help: "The workspace directory (or any directory inside it).", completion: .directory)
  var directory: String = "."

  @Option(name: .customLong("config"), help: ArgumentHelp("Read this workspace file instead of searching for sebuf.yaml.", valueName: "file"))
  var config: String?

  @Option(name: .customLong("path"), help: ArgumentHelp("Limit the run to these files or directories (repeatable).", valueName: "path"))
  var paths: [String] = []

  @Option(
    name: .customLong("only"),
    help: ArgumentHelp("Run only this entry: its name, backend id or plugin name (repeatable).", valueName: "name"))
  var only: [String] = []

  @Option(name: .customLong("error-format"), help: ArgumentHelp("text, json, github-actions, junit or msvs.", valueName: "format"))
  var errorFormat: String = "text"

  @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp("Seconds before a hung plugin is killed.", valueName: "seconds"))
  var pluginTimeout: Double = 120

  @Option(name: .customLong("lock-timeout"), help: ArgumentHelp("Seconds to wait for another sebuf run on this workspace.", valueName: "seconds"))
  var lockTimeout: Double = 60

  func validate() throws {
    guard DiagnosticFormat(rawValue: errorFormat) != nil else {
      throw ValidationError("--error-format must be one of text, json, github-actions, junit, msvs")
    }
  }

  var format: DiagnosticFormat { DiagnosticFormat(rawValue: errorFormat) ?? .text }
}

/// The wiring of `generate` and `plan`: load, run the Plan engine, print.
struct GenerateDriver {
  var options: GenerateRunOptions

  func execute(force: Bool, dryRun: Bool) throws {
    let start = ContinuousClock.now
    let format = options.format
    let workspace: Workspace
    do {
      workspace = try GenerateWiring.loadWorkspace(directory: options.directory, configFile: options.config)
    } catch let e as DiagnosticError {
      emit(format.render(e.diagnostics.normalized()), to: 2)
      throw ExitCode.failure
    }
    let paths = options.paths.map { GenerateWiring.workspaceRelative($0, root: workspace.root) }
    let planner = Planner(
      workspace: workspace, registry: .native, searchPath: getenv("PATH").map { String(cString: $0) },
      pluginTimeout: options.pluginTimeout, toolFingerprint: GenerateWiring.toolFingerprint())
    let generation = Generation(planner: planner, compile: GenerateWiring.compile)
    let tty = isatty(2) != 0
    var progress: (@Sendable (Int, Int, String) -> Void)? = nil
    if tty {
      progress = { done, total, label in emit("\r\u{1B}[2K[\(done)/\(total)] \(label)", to: 2) }
    }
    var runOptions = GenerateOptions(
      filter: PlanFilter(only: options.only, paths: paths), force: force, dryRun: dryRun, lockTimeout: options.lockTimeout)
    runOptions.progress = progress

    let result: GenerationResult
    do {
      result = try generation.run(runOptions)
    } catch let e as DiagnosticError {
      if tty { emit("\r\u{1B}[2K", to: 2) }
      emit(format.render(e.diagnostics.normalized()), to: 2)
      throw ExitCode.failure
    } catch {
      if tty { emit("\r\u{1B}[2K", to: 2) }
      emit("\(error)\n", to: 2)
      throw ExitCode.failure
    }
    if tty { emit("\r\u{1B}[2K", to: 2) }
    if !result.diagnostics.isEmpty { emit(format.render(result.diagnostics), to: 2) }
    let ms = Int((ContinuousClock.now - start) / .milliseconds(1))
    let report = result.report
    if dryRun {
      emit(PlanPrinter.render(report), to: 1)
      emit(
        "would write \(report.wrote), unchanged \(report.unchanged), remove \(report.removed), skip \(report.skippedJobs) jobs (\(ms) ms)\n",
        to: 1)
    } else {
      emit("wrote \(report.wrote), unchanged \(report.unchanged), removed \(report.removed), skipped \(report.skippedJobs) jobs in \(ms) ms\n", to: 2)
    }
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
  fileprivate func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}

/// Writes text to a file descriptor (1 or 2), unbuffered.
func emit(_ text: String, to fd: Int32) {
  let bytes = Array(text.utf8)
  var done = 0
  while done < bytes.count {
    let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
    if n <= 0 { return }
    done += n
  }
}

/// Where the engine meets the rest of sebuf: config loading and compiling.
enum GenerateWiring {
  /// Reads the workspace (sebuf.yaml, or buf.yaml + buf.gen.yaml).
  static func loadWorkspace(directory: String, configFile: String?) throws -> Workspace {
    // Replaced by `Workspace.load(directory:configFile:)` once Config's loader is merged.
    throw DiagnosticError(.error("reading sebuf.yaml is not available in this build yet", rule: "CONFIG"))
  }

  /// Compiles the workspace's sources (`paths` limit the targets).
  @Sendable static func compile(_ workspace: Workspace, _ paths: [String]) -> (Image?, [Diagnostic]) {
    // Replaced by `compile(workspace.sourceSet(paths:))` once the compiler is merged.
    (nil, [.error("the .proto compiler is not available in this build yet", rule: "COMPILE")])
  }

  /// `--path` values are relative to the current directory; the engine wants them
  /// relative to the workspace.
  static func workspaceRelative(_ path: String, root: String) -> String {
    let abs = path.hasPrefix("/") ? path : FileSystem.currentDirectory() + "/" + path
    let normalized = PathRules.normalize(abs) ?? abs
    if normalized == root { return "." }
    return normalized.hasPrefix(root + "/") ? String(normalized.dropFirst(root.count + 1)) : path
  }

  /// sebuf's version plus the size and mtime of the running binary: a rebuilt sebuf
  /// (new backends) never reuses outputs recorded by another build.
  static func toolFingerprint() -> String {
    let stamp = FileSystem.stamp("/proc/self/exe") ?? FileSystem.stamp(CommandLine.arguments[0])
    return SebufVersion.current + (stamp.map { ":\($0.size):\($0.mtime)" } ?? "")
  }
}
