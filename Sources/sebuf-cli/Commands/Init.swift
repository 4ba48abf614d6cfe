import ArgumentParser
import Basics
import Config
import Diagnostics

/// `sebuf init`: writes a starter sebuf.yaml, or converts buf.yaml/buf.gen.yaml v2.
struct InitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter sebuf.yaml.",
    discussion: """
      Refuses to overwrite an existing sebuf.yaml. With --from-buf, reads buf.yaml (and \
      buf.gen.yaml) v2 in the directory and writes the same workspace as sebuf.yaml, keeping \
      your comments next to their keys and listing on stderr what it changed; what \
      sebuf cannot honour (remote plugins, BSR dependencies) is reported with its line. \
      Example: `sebuf init --from-buf && sebuf generate`.
      """)

  @Argument(help: "The directory to write sebuf.yaml into.", completion: .directory)
  var directory: String = "."

  @Flag(help: "Convert buf.yaml and buf.gen.yaml (v2) in the directory instead of writing the starter.")
  var fromBuf = false

  @OptionGroup var output: OutputOptions
  @OptionGroup var runtime: RunOptions

  func run() async throws {
    var progress = runtime.start("init", live: false)
    defer { progress.end() }
    let dir = FilePath.absolute(directory)
    guard FileSystem.kind(dir) == .directory else {
      printDiagnostics(
        [.error("directory \"\(directory)\" does not exist.", rule: "CONFIG")],
        format: output.errorFormat.diagnosticFormat, to: .standardError)
      throw ExitStatus.error
    }
    let target = dir + "/" + Workspace.fileName
    let shown = directory == "." ? Workspace.fileName : directory + "/" + Workspace.fileName
    if FileSystem.kind(target) != .missing {
      printDiagnostics(
        [
          .error(
            "already exists; will not overwrite it (edit it, or remove it first).", rule: "CONFIG", at: .file(shown))
        ],
        format: output.errorFormat.diagnosticFormat, to: .standardError)
      throw ExitStatus.error
    }
    if !fromBuf && FileSystem.kind(dir + "/buf.yaml") == .file {
      // A starter sebuf.yaml would silently shadow the buf configuration.
      printDiagnostics(
        [
          .error(
            "a buf.yaml is here: run `sebuf init --from-buf` to convert it (sebuf also reads buf.yaml v2 as it is).",
            rule: "CONFIG", at: .file(directory == "." ? "buf.yaml" : directory + "/buf.yaml"))
        ], format: output.errorFormat.diagnosticFormat, to: .standardError)
      throw ExitStatus.error
    }
    let text: String
    var changes: [String] = []
    progress.stage(fromBuf ? "convert buf.yaml and buf.gen.yaml" : "write the starter")
    if fromBuf {
      do {
        let conversion = try Workspace.convertingFromBuf(directory: dir)
        text = conversion.text
        changes = conversion.changes
      } catch let e as DiagnosticError {
        printDiagnostics(e.diagnostics, format: output.errorFormat.diagnosticFormat, to: .standardError)
        throw ExitStatus.error
      }
    } else {
      let modulePath = FileSystem.kind(dir + "/proto") == .directory ? "proto" : "."
      text = Workspace.initTemplate(modulePath: modulePath)
    }
    guard FileSystem.createNew(Array(text.utf8), at: target) else {
      printDiagnostics(
        [.error("cannot write \(shown).", rule: "CONFIG")], format: output.errorFormat.diagnosticFormat,
        to: .standardError)
      throw ExitStatus.error
    }
    // What the conversion changed goes to stderr, so stdout stays the one result line.
    if !changes.isEmpty {
      OutputStream.standardError.write("Changed on the way:\n" + changes.map { "  \($0)\n" }.joined())
    }
    OutputStream.standardOutput.write("Wrote \(shown)\(fromBuf ? " (converted from buf.yaml)" : "").\n")
  }
}
