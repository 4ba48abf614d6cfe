import ArgumentParser
import Basics
import Config
import Diagnostics
import Format
import Inputs

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `sebuf format`: buf format's layout, byte for byte (see the Format module).
struct FormatCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "format",
    abstract: "Format .proto files exactly as buf format does.",
    discussion: """
      Formats each workspace .proto file (modules minus excludes) under the given \
      directories, or the given files, and prints the result to stdout. There are no \
      options: the layout is buf 1.75's. A file that does not parse is reported as \
      path:line:col:message and never rewritten (exit 1). Editions files are not supported \
      yet (the compiler's error). Examples: `sebuf format -w` on save or in pre-commit; \
      `sebuf format -d --exit-code` in CI; `cat a.proto | sebuf format - --stdin-filepath a.proto`.
      """)

  @Argument(
    help: ArgumentHelp(
      "Directories (their workspace's module files) or .proto files; `-` reads stdin. Default: the current directory."),
    completion: .file(extensions: ["proto"]))
  var inputs: [String] = []

  @Flag(
    name: [.customShort("w"), .customLong("write")],
    help: "Rewrite files in place (atomically; only files that change).")
  var write = false

  @Flag(
    name: [.customShort("d"), .customLong("diff")],
    help: "Print a unified diff of what would change instead of the files.")
  var diff = false

  @Flag(name: .customLong("exit-code"), help: "Exit 100 when any file is not formatted (with -w: was rewritten).")
  var exitCode = false

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp(
      "Write the formatted files here: a .proto file (for one input file) or a directory (files keep their workspace paths).",
      valueName: "path"))
  var output: String?

  @Option(
    name: .customLong("config"),
    help: ArgumentHelp("Read this workspace file instead of searching for sebuf.yaml.", valueName: "file"),
    completion: .file(extensions: ["yaml", "yml"]))
  var config: String?

  @Option(
    name: .customLong("path"),
    help: ArgumentHelp("Limit directory inputs to these files or directories (repeatable).", valueName: "path"),
    completion: .file(extensions: ["proto"]))
  var paths: [String] = []

  @Option(
    name: .customLong("exclude-path"),
    help: ArgumentHelp("Leave these files or directories out (repeatable).", valueName: "path"),
    completion: .file(extensions: ["proto"]))
  var excludePaths: [String] = []

  @Option(
    name: .customLong("stdin-filepath"),
    help: ArgumentHelp("The name stdin's content goes by in errors and diffs (with `-`).", valueName: "path"))
  var stdinFilepath: String?

  @OptionGroup var outputOptions: OutputOptions
  @OptionGroup var runtime: RunOptions

  func validate() throws {
    if write && output != nil { throw ValidationError("-w and -o cannot be combined") }
    if write && inputs.contains("-") { throw ValidationError("-w cannot rewrite stdin; use -o or stdout") }
    if stdinFilepath != nil && !inputs.contains("-") {
      throw ValidationError("--stdin-filepath names stdin's content; pass `-` as the input")
    }
  }

  /// One file to format: where it is read from and the name shown for it.
  struct Source {
    var display: String
    var location: String?  // nil: stdin
    var outputName: String
  }

  func run() async throws {
    signal(SIGPIPE, SIG_IGN)
    let format = outputOptions.errorFormat.diagnosticFormat
    var progress = runtime.start("format", live: false)
    progress.stage("collect files")
    let sources: [Source]
    do {
      sources = try collectSources()
    } catch let error as DiagnosticError {
      printDiagnostics(error.diagnostics, format: format, to: .standardError)
      throw ExitStatus.error
    } catch {
      printDiagnostics([.error("\(error)", rule: "CONFIG")], format: format, to: .standardError)
      throw ExitStatus.error
    }
    if let output, sources.count > 1 || FileSystem.isDirectory(output) || !output.hasSuffix(".proto") {
      if FileSystem.exists(output) && !FileSystem.isDirectory(output) {
        printDiagnostics(
          [.error("-o \(output) is a file but there are \(sources.count) inputs; give a directory.", rule: "CONFIG")],
          format: format, to: .standardError)
        throw ExitStatus.error
      }
    }

    progress.stage("format \(sources.count) file\(sources.count == 1 ? "" : "s")")
    var failures: [Diagnostic] = []
    var changed = false
    var stdout = ""
    for source in sources {
      let bytes: [UInt8]
      if let location = source.location {
        guard let b = FileSystem.read(location) else {
          failures.append(.error("cannot read \(source.display)", rule: "IO", at: .file(source.display)))
          continue
        }
        bytes = b
      } else {
        bytes = readStandardInput()
      }
      switch ProtoFormatter.format(bytes, displayPath: source.display) {
      case .failed(let diagnostics):
        failures += diagnostics
      case .formatted(let text):
        let original = String(decoding: bytes, as: UTF8.self)
        let differs = Array(text.utf8) != bytes
        if differs { changed = true }
        if diff {
          if differs {
            stdout += "diff -u \(source.display).orig \(source.display)\n"
            stdout += UnifiedDiff.diff(original, text, path: source.display)
          }
        } else if write {
          if differs, let location = source.location {
            do {
              try FileSystem.writeAtomically(Array(text.utf8), to: location)
            } catch {
              failures.append(.error("cannot write \(source.display): \(error)", rule: "IO", at: .file(source.display)))
            }
          }
        } else if let output {
          let target =
            sources.count == 1 && output.hasSuffix(".proto") && !FileSystem.isDirectory(output)
            ? output : FilePath.join(output, source.outputName)
          do {
            _ = try FileSystem.makeDirectories(PathRules.directory(of: target))
            if FileSystem.read(target) != Array(text.utf8) {
              try FileSystem.writeAtomically(Array(text.utf8), to: target)
            }
          } catch {
            failures.append(.error("cannot write \(target): \(error)", rule: "IO"))
          }
        } else {
          stdout += text
        }
      }
    }
    progress.end()
    OutputStream.standardOutput.write(stdout)
    if !failures.isEmpty {
      printDiagnostics(failures, format: format, to: .standardError)
      throw ExitStatus.error
    }
    if exitCode && changed { throw ExitStatus.violations }
  }

  private func readStandardInput() -> [UInt8] {
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buf.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      out.append(contentsOf: buf[0..<n])
    }
    return out
  }

  /// The files to format, in a stable order: each input file as given, each directory's
  /// workspace module files (honouring modules, excludes, `--path` and `--exclude-path`).
  private func collectSources() throws -> [Source] {
    var out: [Source] = []
    let cwd = FilePath.currentDirectory()
    let excluded = excludePaths.map { Glob(Glob.clean(FilePath.absolute($0, base: cwd))) }
    func isExcluded(_ absolute: String) -> Bool { excluded.contains { $0.matches(absolute) } }
    for input in inputs.isEmpty ? ["."] : inputs {
      if input == "-" {
        let name = stdinFilepath ?? "<stdin>"
        out.append(Source(display: name, location: nil, outputName: PathRules.baseName(name)))
        continue
      }
      if FileSystem.isFile(input) {
        if !isExcluded(FilePath.absolute(input, base: cwd)) {
          out.append(Source(display: input, location: input, outputName: PathRules.baseName(input)))
        }
        continue
      }
      guard FileSystem.isDirectory(input) else {
        throw DiagnosticError([
          .error("\(input) does not exist; give a directory or a .proto file.", rule: "CONFIG")
        ])
      }
      let ws = try Workspace.load(directory: input, configFile: config)
      let selected = try ws.selectPaths(paths, cwd: cwd)
      for file in ws.moduleFiles(paths: selected) {
        let absolute = FilePath.join(ws.root, file.displayPath)
        if isExcluded(absolute) { continue }
        let shown = FilePath.relative(absolute, to: cwd) ?? absolute
        out.append(Source(display: shown, location: absolute, outputName: file.displayPath))
      }
    }
    return out
  }
}
