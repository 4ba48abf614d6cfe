import ArgumentParser
import Basics
import Config
import Diagnostics
import Foundation
import Inputs
import Proto

/// `sebuf build`: compiles the workspace and writes the image protoc and buf would.
struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Compile .proto files into an image (a FileDescriptorSet), as protoc and buf build do.",
    discussion: """
      Reads sebuf.yaml (or buf.yaml v2) like every command; with none, the directory is \
      one module. The output format follows the file name as in buf: .json (JSON), .txtpb \
      (text format), .yaml (YAML), anything else binary (.binpb); a `#format=json|txtpb|yaml|binpb` \
      suffix chooses it (`-o -#format=json` prints JSON). `-o -` writes the binary image to \
      stdout. Without -o the files are only checked. Compile errors are printed as \
      path:line:col:message and exit 1. Example: `sebuf build -o image.binpb`.
      """)

  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var diagnostics: OutputOptions
  @OptionGroup var exclude: ExcludePathOptions
  @OptionGroup var runtime: RunOptions

  @Option(
    name: [.customShort("o"), .customLong("output")],
    // Unconditional: `-o -#format=json` starts with a dash but is a value.
    parsing: .unconditional,
    help: ArgumentHelp(
      "Where to write the image: .binpb, .json, .txtpb or .yaml (or #format=…); `-` is stdout.", valueName: "file"),
    completion: .file(extensions: ["binpb", "bin", "pb", "json", "txtpb", "yaml"]))
  var outputFile: String?

  @Option(
    name: .customLong("type"),
    help: ArgumentHelp(
      "Only this type and what it needs (repeatable): a message, enum, service, method, extension or package; `pkg.**` for a package and its sub-packages.",
      discussion:
        "As buf build --type: what the named types contain is kept (field types, extensions of kept messages, request and response types), what they are nested in stays as a shell, other declarations and unused imports go. Example: `sebuf build --type acme.v1.UserService -o svc.binpb`.",
      valueName: "name"))
  var types: [String] = []

  @Flag(name: .customLong("exclude-source-info"), help: "Leave source code info out of the image.")
  var excludeSourceInfo = false

  @Flag(name: .customLong("exclude-imports"), help: "Leave imported files out of the image (targets only).")
  var excludeImports = false

  func validate() throws {
    if let o = outputFile {
      do {
        _ = try ImageFileWriter.target(o)
      } catch {
        throw ValidationError("\(error)")
      }
    }
  }

  func run() async throws {
    signal(SIGPIPE, SIG_IGN)
    var progress = runtime.start("build")
    progress.stage("load workspace")
    let (ws, sources) = try workspace.resolve(diagnostics, excluding: exclude.paths)
    progress.note(ws.debugSummary)
    progress.stage("compile")
    let (image, found) = compileQuietly(sources)
    if let image {
      progress.note("compiled \(image.files.filter { !$0.isImport }.count) files, \(image.files.count) with imports")
    }
    progress.pause()
    printDiagnostics(
      found, format: diagnostics.errorFormat.diagnosticFormat, to: .standardError, shownUnder: ws.shownBase)
    guard var image else {
      progress.end()
      throw ExitStatus.error
    }
    if !types.isEmpty {
      do {
        image = try ImageTypeFilter.filter(image, types: types)
      } catch {
        progress.end()
        printDiagnostics(
          [.error("\(error)", rule: "CONFIG")], format: diagnostics.errorFormat.diagnosticFormat, to: .standardError)
        throw ExitStatus.error
      }
    }
    guard let outputFile else {
      progress.end()
      return
    }
    let options = ImageIO.Options(excludeSourceInfo: excludeSourceInfo, excludeImports: excludeImports)
    do {
      let target = try ImageFileWriter.target(outputFile)
      progress.stage("encode the image (\(target.format.rawValue))")
      let bytes = try ImageFileWriter.encode(image, format: target.format, options: options)
      progress.end()
      if target.path == "-" {
        // buf's `-o -`: the image on stdout, for a pipe (`sebuf build -o - | protoc --decode …`).
        OutputStream.standardOutput.write(bytes)
      } else {
        try FileSystem.writeAtomically(bytes, to: target.path)
      }
    } catch {
      printDiagnostics(
        [.error("cannot write \(outputFile): \(error)", rule: "IO")], format: diagnostics.errorFormat.diagnosticFormat,
        to: .standardError)
      throw ExitStatus.error
    }
  }
}
