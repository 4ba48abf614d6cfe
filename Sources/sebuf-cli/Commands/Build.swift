import ArgumentParser
import Diagnostics
import Foundation
import Proto

/// `sebuf build`: compiles the workspace and writes the image protoc and buf would.
struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Compile .proto files into an image (a FileDescriptorSet).",
    discussion: """
      With no sebuf.yaml, DIR is one module root. The output format follows the file \
      name: .binpb, .bin or .pb for binary, .json for JSON.
      """)

  @Argument(help: "The workspace directory.")
  var dir: String = "."

  @Option(name: .shortAndLong, help: "Where to write the image (.binpb, .bin, .pb or .json).")
  var output: String?

  @Flag(help: "Leave source code info out of the image.")
  var excludeSourceInfo = false

  @Flag(help: "Leave imported files out of the image.")
  var excludeImports = false

  @Option(name: .customLong("path"), help: "Limit the targets to this file or directory (repeatable).")
  var paths: [String] = []

  @Option(help: "How to print errors: text, json, github-actions, junit or msvs.")
  var errorFormat: String = "text"

  func validate() throws {
    guard DiagnosticFormat(rawValue: errorFormat) != nil else {
      throw ValidationError("--error-format must be one of: text, json, github-actions, junit, msvs")
    }
    if let o = output, ImageIO.Format(path: o) == nil {
      throw ValidationError("-o must name a .binpb, .bin, .pb or .json file")
    }
  }

  func run() async throws {
    signal(SIGPIPE, SIG_IGN)
    let format = DiagnosticFormat(rawValue: errorFormat) ?? .text
    var sources = SourceSet(roots: [.init(directory: dir, displayPrefix: "")])
    if !paths.isEmpty {
      let all = TargetDiscovery.targets(of: sources).paths
      let wanted = paths.map { Self.clean($0) }
      sources.targets = all.filter { file in
        wanted.contains { $0 == "." || file == $0 || file.hasPrefix($0 + "/") }
      }
      if sources.targets.isEmpty {
        FileHandle.standardError.write(Data("no .proto files match --path \(paths.joined(separator: ", "))\n".utf8))
        throw ExitCode(1)
      }
    }
    let (image, diagnostics) = compile(sources)
    let printed = format.render(diagnostics.normalized())
    if !printed.isEmpty { FileHandle.standardError.write(Data(printed.utf8)) }
    guard let image else { throw ExitCode(1) }
    if let output {
      do {
        try ImageIO.write(
          image, to: output,
          options: .init(excludeSourceInfo: excludeSourceInfo, excludeImports: excludeImports))
      } catch {
        FileHandle.standardError.write(Data("cannot write \(output): \(error)\n".utf8))
        throw ExitCode(1)
      }
    }
  }

  static func clean(_ p: String) -> String {
    var s = p
    while s.hasPrefix("./") { s.removeFirst(2) }
    while s.hasSuffix("/") && s.count > 1 { s.removeLast() }
    return s
  }
}
