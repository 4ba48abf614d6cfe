// Options and helpers shared by every subcommand: which workspace to read, how to print
// diagnostics, what exit code a run ends with, and when output may use colour or progress.
//
// A command typically does:
//   @OptionGroup var workspace: WorkspaceOptions
//   @OptionGroup var output: OutputOptions
//   let (ws, sources) = try workspace.resolve(output)      // exits 1 on a bad config
//   ... compile(sources), lint, ...
//   printDiagnostics(found, format: output.errorFormat.diagnosticFormat)
//   throw ExitStatus.of(errors: compileErrors, violations: found)   // 0 / 1 / 100
import ArgumentParser
import Basics
import Config
import Diagnostics
import Foundation
import Inputs
import Proto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Option groups

/// Where the workspace is and which of its files a run is limited to.
///
/// Use with `@OptionGroup var workspace: WorkspaceOptions`, then `try workspace.load(output)`.
struct WorkspaceOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The workspace directory (or any directory inside it).",
      discussion: "sebuf looks for sebuf.yaml there, then in its parents. Example: `sebuf lint api/`."),
    completion: .directory)
  var directory: String = "."

  @Option(
    name: .customLong("config"),
    help: ArgumentHelp(
      "Read this workspace file instead of searching for sebuf.yaml.",
      discussion: "Example: `--config ci/sebuf.yaml`. A buf.yaml v2 is read too.",
      valueName: "file"),
    completion: .file(extensions: ["yaml", "yml"]))
  var config: String?

  @Option(
    name: .customLong("path"),
    help: ArgumentHelp(
      "Limit the run to these files or directories (repeatable).",
      discussion: "Relative to the current directory. Example: `--path proto/acme/v1 --path proto/b.proto`.",
      valueName: "path"),
    completion: .file(extensions: ["proto"]))
  var paths: [String] = []

  /// Reads the workspace (with `excluding`, the `--exclude-path` values, added to its
  /// modules' excludes); on a bad config prints its diagnostics to stderr and exits 1.
  /// Only generate and plan pass `.generation` (buf.gen.yaml, `generate:`, `managed:`).
  func load(_ output: OutputOptions, scope: ConfigScope = .checks, excluding: [String] = []) throws -> Workspace {
    do {
      var ws = try Workspace.load(directory: directory, configFile: config, scope: scope).excluding(excluding)
      ws.shownBase = ShownPaths.base(
        argument: directory, root: ws.root, currentDirectory: FilePath.currentDirectory())
      return ws
    } catch let error as DiagnosticError {
      printDiagnostics(error.diagnostics, format: output.errorFormat.diagnosticFormat, to: .standardError)
      throw ExitCode.failure
    }
  }

  /// The workspace and what to compile for this run (modules, includes, excludes and the
  /// `--path` targets); prints problems and exits 1 on a bad config or path.
  func resolve(_ output: OutputOptions, excluding: [String] = []) throws -> (workspace: Workspace, sources: SourceSet) {
    let ws = try load(output, excluding: excluding)
    let paths = try workspacePaths(in: ws, output)
    return (ws, ws.sourceSet(paths: paths))
  }

  /// `--path` values made relative to the workspace root (they are given relative to the
  /// current directory). A path outside the workspace, or one that selects no module
  /// file, is an error (printed; exit 1).
  ///
  /// Unless `requireFiles` is false (an image is the input), a module without a `.proto`
  /// file is an error too, as in buf: a CI job pointed at the wrong directory must fail,
  /// not pass silently.
  func workspacePaths(in workspace: Workspace, _ output: OutputOptions, requireFiles: Bool = true) throws -> [String] {
    do throws(DiagnosticError) {
      if requireFiles {
        let empty = EmptyInput.diagnostics(workspace, directory: directory)
        if !empty.isEmpty { throw DiagnosticError(empty) }
      }
      return try workspace.selectPaths(paths)
    } catch {
      printDiagnostics(error.diagnostics, format: output.errorFormat.diagnosticFormat, to: .standardError)
      throw ExitCode.failure
    }
  }
}

/// A workspace with nothing to compile: every module must hold at least one `.proto`
/// file (after its excludes), as buf requires.
enum EmptyInput {
  static func diagnostics(_ workspace: Workspace, directory: String) -> [Diagnostic] {
    let files = workspace.moduleFiles().map(\.displayPath)
    return workspace.modules.compactMap { m in
      let prefix = m.path == "." ? "" : m.path + "/"
      if files.contains(where: { $0.hasPrefix(prefix) }) { return nil }
      guard let config = workspace.configFile else {
        return .error(
          "no .proto files in \(directory == "." ? "the current directory" : directory) or below; "
            + "give the directory that holds them (e.g. `sebuf lint proto`).", rule: "CONFIG")
      }
      return .error(
        "module \"\(m.path)\" has no .proto files; check its path (and excludes) in \(config).", rule: "CONFIG")
    }
  }
}

/// `--exclude-path`, for every command that reads a workspace's files. On generate the
/// run is then partial, like `--path`: the excluded files' outputs are neither rewritten nor
/// removed (``PlanFilter/excludePaths``).
struct ExcludePathOptions: ParsableArguments {
  @Option(
    name: .customLong("exclude-path"),
    help: ArgumentHelp(
      "Leave these files or directories out of the run (repeatable); they can still be imported.",
      discussion: "Relative to the current directory, like buf's. Example: `--exclude-path proto/vendor`.",
      valueName: "path"),
    completion: .file(extensions: ["proto"]))
  var paths: [String] = []
}

/// How findings are printed.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .customLong("error-format"),
    help: ArgumentHelp(
      "How diagnostics are printed: text, json, github-actions, gitlab-code-quality, junit or msvs.",
      discussion: "Example: `--error-format github-actions` annotates a pull request in GitHub CI.",
      valueName: "format"))
  var errorFormat: ErrorFormat = .text
}

/// The `--error-format` values (buf's names).
enum ErrorFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  case text, json
  case githubActions = "github-actions"
  case gitlabCodeQuality = "gitlab-code-quality"
  case junit, msvs

  var diagnosticFormat: DiagnosticFormat {
    switch self {
    case .text: .text
    case .json: .json
    case .githubActions: .githubActions
    case .gitlabCodeQuality: .gitlabCodeQuality
    case .junit: .junit
    case .msvs: .msvs
    }
  }

  static var defaultCompletionKind: CompletionKind { .list(allCases.map(\.rawValue)) }

  static var allValueDescriptions: [String: String] {
    [
      "text": "path:line:col:message, like buf and protoc",
      "json": "one JSON object per line (buf's shape)",
      "github-actions": "::error workflow commands that annotate pull requests",
      "gitlab-code-quality": "a GitLab Code Quality JSON report (artifacts: reports: codequality)",
      "junit": "a JUnit XML report",
      "msvs": "Visual Studio's path(line,col) : error RULE : message",
    ]
  }
}

// MARK: - Printing and exit codes

/// An output stream of the process.
enum OutputStream {
  case standardOutput, standardError

  var fileDescriptor: Int32 { self == .standardOutput ? 1 : 2 }

  func write(_ text: String) { write(Array(text.utf8)) }

  /// Writes all of `bytes` (a short write continues; an error such as a closed pipe stops).
  func write(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    var bytes = bytes
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buf in
        #if canImport(Glibc) || canImport(Musl)
          Glibc.write(fileDescriptor, buf.baseAddress! + written, buf.count - written)
        #else
          Darwin.write(fileDescriptor, buf.baseAddress! + written, buf.count - written)
        #endif
      }
      if n <= 0 { return }
      written += n
    }
  }
}

/// Prints diagnostics sorted and de-duplicated in the chosen format. Text output is
/// coloured (severity word, location) only when the stream is a terminal and NO_COLOR is unset.
func printDiagnostics(
  _ diagnostics: [Diagnostic], format: DiagnosticFormat, to stream: OutputStream = .standardOutput,
  showRule: Bool = false, shownUnder base: String = ""
) {
  // Workspace-relative paths are printed from the current directory, as buf prints them.
  let sorted = (base.isEmpty ? diagnostics : diagnostics.map { $0.shown(under: base) }).normalized()
  guard !sorted.isEmpty else {
    // A report artifact must be valid JSON even when nothing was found.
    if format == .gitlabCodeQuality && stream == .standardOutput { stream.write(format.render([])) }
    return
  }
  if format == .text && Terminal.useColor(stream) {
    var out = ""
    for d in sorted {
      out += Terminal.colorize(d, showRule: showRule) + "\n"
    }
    stream.write(out)
  } else {
    stream.write(format.render(sorted, showRule: showRule))
  }
}

/// Exit codes: 0 clean, 1 error, 100 violations (buf's convention).
enum ExitStatus {
  static let clean = ExitCode.success
  static let error = ExitCode.failure
  static let violations = ExitCode(100)

  /// 1 when `errors` holds an error (bad config, compile error, failing plugin, I/O);
  /// otherwise 100 when `violations` holds an error-severity finding; otherwise 0.
  /// Warnings never fail a run.
  static func of(errors: [Diagnostic], violations: [Diagnostic] = []) -> ExitCode {
    if errors.hasErrors { return error }
    if violations.hasErrors { return self.violations }
    return clean
  }
}

// MARK: - Terminal

/// What the attached terminal allows: colour and progress lines appear only on a TTY.
enum Terminal {
  /// Whether the stream is a terminal.
  static func isTTY(_ stream: OutputStream) -> Bool { isatty(stream.fileDescriptor) != 0 }

  /// Colour on a terminal. `NO_COLOR` set to anything non-empty turns it off (no-color.org)
  /// and wins over everything; `CLICOLOR_FORCE` or `FORCE_COLOR` set (to anything but `0`
  /// or `false`) turns it on even when piped, as CI logs that render ANSI want.
  static func useColor(_ stream: OutputStream) -> Bool {
    useColor(isTTY: isTTY(stream)) { name in getenv(name).map { String(cString: $0) } }
  }

  /// The decision, given the environment (`env(name)`) and whether the stream is a terminal.
  static func useColor(isTTY: Bool, env: (String) -> String?) -> Bool {
    if let v = env("NO_COLOR"), !v.isEmpty { return false }
    for name in ["CLICOLOR_FORCE", "FORCE_COLOR"] {
      if let v = env(name), !v.isEmpty, v != "0", v.lowercased() != "false" { return true }
    }
    if env("TERM") == "dumb" { return false }
    return isTTY
  }

  /// Shows a transient progress line on stderr (overwritten by the next); silent when piped.
  static func progress(_ message: String) {
    guard isTTY(.standardError) else { return }
    OutputStream.standardError.write("\r\u{1B}[2K" + message)
  }

  /// Clears the progress line, if one was shown.
  static func endProgress() {
    guard isTTY(.standardError) else { return }
    OutputStream.standardError.write("\r\u{1B}[2K")
  }

  /// A text-format line (the same text as `DiagnosticFormat.text`) with the location in
  /// bold and the severity word coloured.
  static func colorize(_ d: Diagnostic, showRule: Bool) -> String {
    let bold = "\u{1B}[1m"
    let reset = "\u{1B}[0m"
    var s = ""
    if let sp = d.span {
      let location = sp.hasPosition ? "\(sp.file):\(sp.start.line):\(sp.start.column):" : "\(sp.file):"
      s += bold + location + reset
    }
    // The same words as the plain text, only coloured: piped output must read the same.
    if d.severity == .warning { s += "\u{1B}[33mwarning: " + reset }
    s += d.message
    if showRule, let r = d.rule { s += " (\(r))" }
    return s
  }
}

/// A run's stages on one transient stderr line, each with the time since the run began
/// (`compiling --against .git#branch=main… 4.2 s`); nothing at all when stderr is not a
/// terminal, so piped and CI output is unchanged.
///
/// With `-v`/`--debug` every finished stage is also logged on stderr with its duration
/// (`sebuf: compile 12 files: 41 ms`), as are facts about the run (``note(_:)``) and the
/// total at ``end()``; stdout never changes.
struct Progress {
  private let start = ContinuousClock.now
  private var stageStart = ContinuousClock.now
  private var current: String?
  private let enabled: Bool
  private let debug: Bool
  private var shown = false
  private var ended = false

  /// `live`: show the transient line on a terminal (commands that can take long).
  init(debug: Bool = false, live: Bool = true) {
    self.debug = debug
    enabled = live && Terminal.isTTY(.standardError)
  }

  /// Starts a stage (ending the previous one).
  mutating func stage(_ name: String) {
    finishStage()
    current = name
    stageStart = .now
    guard enabled else { return }
    let tenths = Int((ContinuousClock.now - start) / .milliseconds(100))
    Terminal.progress("\(name)… \(tenths / 10).\(tenths % 10) s")
    shown = true
  }

  /// With `-v`: one line about what the run does (its workspace, inputs, rules).
  mutating func note(_ text: String) {
    guard debug else { return }
    log(text)
  }

  /// Ends the last stage, clears the progress line and (with `-v`) logs the total.
  mutating func end() {
    guard !ended else { return }
    ended = true
    finishStage()
    if debug { log("total: \(Self.milliseconds(since: start)) ms") }
    clear()
  }

  /// Clears the transient line (before printing diagnostics); the next stage shows it again.
  mutating func pause() { clear() }

  private mutating func finishStage() {
    guard let name = current else { return }
    current = nil
    if debug { log("\(name): \(Self.milliseconds(since: stageStart)) ms") }
  }

  private mutating func log(_ text: String) {
    clear()
    OutputStream.standardError.write("sebuf: \(text)\n")
  }

  private mutating func clear() {
    guard shown else { return }
    Terminal.endProgress()
    shown = false
  }

  private static func milliseconds(since instant: ContinuousClock.Instant) -> Int {
    Int((ContinuousClock.now - instant) / .milliseconds(1))
  }
}

// MARK: - -v and --timeout

extension Workspace {
  /// What `-v` says about the workspace a run read.
  var debugSummary: String {
    var text = "workspace \(root) (\(configFile ?? "no config file")); modules: "
    text += modules.map(\.path).joined(separator: ", ")
    if !includes.isEmpty { text += "; includes: " + includes.joined(separator: ", ") }
    return text
  }
}

/// `-v`/`--debug` and `--timeout`, on every command.
struct RunOptions: ParsableArguments {
  @Flag(
    name: [.customShort("v"), .customLong("debug")],
    help: ArgumentHelp(
      "Print what ran and how long each stage took, on stderr (stdout is unchanged).",
      discussion: "generate and plan also list each job's files. Example: `sebuf lint -v`."))
  var debug = false

  @Option(
    name: .customLong("timeout"),
    help: ArgumentHelp(
      "Give up after this long (buf's meaning: the whole command), e.g. 90s, 2m, 1m30s; 0 means no limit.",
      discussion:
        "On expiry the run stops with exit 1 and says so; generate never stops halfway through writing. Default: no limit.",
      valueName: "duration"))
  var timeout: Timeout?

  /// Arms the deadline and returns the run's progress (with `-v`, its debug log; `live`:
  /// also the transient stage line on a terminal, for commands that can take long).
  func start(_ what: String, live: Bool = true) -> Progress {
    if let timeout {
      Deadline.arm(seconds: timeout.seconds) {
        // No plugin outlives the run.
        ProcessRunner.killRunning()
        Terminal.endProgress()
        OutputStream.standardError.write("timed out after \(timeout.text) (--timeout); \(what) did not finish\n")
        Foundation.exit(ExitStatus.error.rawValue)
      }
    }
    return Progress(debug: debug, live: live)
  }
}

/// A `--timeout` value in Go's duration syntax, as buf takes it: numbers with units `h`,
/// `m`, `s`, `ms`, `us` (`µs`), `ns`, e.g. `1m30s`, `1.5s`, `500ms`; `0` alone is no limit.
struct Timeout: ExpressibleByArgument, Sendable {
  var seconds: Double
  var text: String

  static let units: [(String, Double)] = [
    ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
  ]

  init?(argument: String) {
    text = argument
    if argument == "0" {
      seconds = 0
      return
    }
    var rest = Substring(argument)
    var total = 0.0
    guard !rest.isEmpty else { return nil }
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      let unitText = rest.prefix { !$0.isNumber && $0 != "." }
      guard let unit = Self.units.first(where: { $0.0 == unitText }) else { return nil }
      rest = rest.dropFirst(unitText.count)
      total += value * unit.1
    }
    seconds = total
  }

  static var defaultCompletionKind: CompletionKind { .list(["30s", "2m", "10m", "0"]) }
}

// MARK: - Compiling

/// The compiler's result without its unused-import warnings. protoc prints them, buf does
/// not: an unused import is the IMPORT_USED lint rule's finding, and printing hundreds of
/// them on every `build` or `generate` (462 on googleapis) buries the output that matters.
func compileQuietly(_ sources: SourceSet) -> (Image?, [Diagnostic]) {
  let (image, diagnostics) = compile(sources)
  return (image, diagnostics.filter { $0.rule != CompileRule.unusedImport })
}
