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

  /// Reads the workspace; on a bad config prints its diagnostics to stderr and exits 1.
  /// Only generate and plan pass `.generation` (buf.gen.yaml, `generate:`, `managed:`).
  func load(_ output: OutputOptions, scope: ConfigScope = .checks) throws -> Workspace {
    do {
      return try Workspace.load(directory: directory, configFile: config, scope: scope)
    } catch let error as DiagnosticError {
      printDiagnostics(error.diagnostics, format: output.errorFormat.diagnosticFormat, to: .standardError)
      throw ExitCode.failure
    }
  }

  /// The workspace and what to compile for this run (modules, includes, excludes and the
  /// `--path` targets); prints problems and exits 1 on a bad config or path.
  func resolve(_ output: OutputOptions) throws -> (workspace: Workspace, sources: SourceSet) {
    let ws = try load(output)
    let paths = try workspacePaths(in: ws, output)
    return (ws, ws.sourceSet(paths: paths))
  }

  /// `--path` values made relative to the workspace root (they are given relative to the
  /// current directory). A path outside the workspace, or one that selects no module
  /// file, is an error (printed; exit 1).
  func workspacePaths(in workspace: Workspace, _ output: OutputOptions) throws -> [String] {
    do {
      return try workspace.selectPaths(paths)
    } catch {
      printDiagnostics(error.diagnostics, format: output.errorFormat.diagnosticFormat, to: .standardError)
      throw ExitCode.failure
    }
  }
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

/// Completion words shared by commands that take a backend name (e.g. `generate --only`).
enum CompletionWords {
  /// The native backend ids.
  static let backends: CompletionKind = .list(GenerateEntry.nativeBackends)

  /// The labels of the current workspace's `generate:` entries (names, else backend or
  /// plugin), read when the user presses TAB; the backend ids when there are none.
  static let generateLabels: CompletionKind = .custom { _, _, prefix in
    let labels = (try? Workspace.load(directory: ".", configFile: nil, scope: .generation))?.generate.map(\.label) ?? []
    return (labels.isEmpty ? GenerateEntry.nativeBackends : labels).filter { $0.hasPrefix(prefix) }
  }
}

// MARK: - Printing and exit codes

/// An output stream of the process.
enum OutputStream {
  case standardOutput, standardError

  var fileDescriptor: Int32 { self == .standardOutput ? 1 : 2 }

  func write(_ text: String) {
    guard !text.isEmpty else { return }
    var bytes = Array(text.utf8)
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

  /// Colour on a terminal, unless `NO_COLOR` is set to anything non-empty (no-color.org).
  static func useColor(_ stream: OutputStream) -> Bool {
    if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
    if let t = getenv("TERM"), String(cString: t) == "dumb" { return false }
    return isTTY(stream)
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

  /// A text-format line with the location in bold and the severity word coloured.
  static func colorize(_ d: Diagnostic, showRule: Bool) -> String {
    let bold = "\u{1B}[1m"
    let reset = "\u{1B}[0m"
    var s = ""
    if let sp = d.span {
      let location = sp.hasPosition ? "\(sp.file):\(sp.start.line):\(sp.start.column):" : "\(sp.file):"
      s += bold + location + reset
    }
    if d.severity == .warning { s += "\u{1B}[33mwarning: " + reset }
    if d.severity >= .error && d.span == nil { s += "\u{1B}[31merror: " + reset }
    s += d.message
    if showRule, let r = d.rule { s += " (\(r))" }
    return s
  }
}
