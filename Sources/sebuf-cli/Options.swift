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
import Config
import Diagnostics
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
      return try Workspace.load(directory: directory, configFile: config, scope: scope).excluding(excluding)
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
      "How diagnostics are printed: text, json, github-actions, junit or msvs.",
      discussion: "Example: `--error-format github-actions` annotates a pull request in GitHub CI.",
      valueName: "format"))
  var errorFormat: ErrorFormat = .text
}

/// The `--error-format` values (buf's names).
enum ErrorFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  case text, json
  case githubActions = "github-actions"
  case junit, msvs

  var diagnosticFormat: DiagnosticFormat {
    switch self {
    case .text: .text
    case .json: .json
    case .githubActions: .githubActions
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
  showRule: Bool = false
) {
  let sorted = diagnostics.normalized()
  guard !sorted.isEmpty else { return }
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
struct Progress {
  private let start = ContinuousClock.now
  private let enabled = Terminal.isTTY(.standardError)
  private var shown = false

  mutating func stage(_ name: String) {
    guard enabled else { return }
    let tenths = Int((ContinuousClock.now - start) / .milliseconds(100))
    Terminal.progress("\(name)… \(tenths / 10).\(tenths % 10) s")
    shown = true
  }

  mutating func end() {
    guard shown else { return }
    Terminal.endProgress()
    shown = false
  }
}

// MARK: - Compiling

/// The compiler's result without its unused-import warnings. protoc prints them, buf does
/// not: an unused import is the IMPORT_USED lint rule's finding, and printing hundreds of
/// them on every `build` or `generate` (462 on googleapis) buries the output that matters.
func compileQuietly(_ sources: SourceSet) -> (Image?, [Diagnostic]) {
  let (image, diagnostics) = compile(sources)
  return (image, diagnostics.filter { $0.rule != CompileRule.unusedImport })
}
