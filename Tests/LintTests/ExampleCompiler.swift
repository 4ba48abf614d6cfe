import Diagnostics
import Foundation
import Lint
import Proto
import SwiftProtobuf

/// Compiles rule examples into Images with sebuf's own compiler.
enum ExampleCompiler {
  typealias Marker = RuleExample.Marker

  /// Splits an example into files and strips `↓` markers (``RuleExample/split(_:)``).
  static func split(_ example: String) -> (files: [(String, String)], markers: Set<Marker>) {
    let (files, markers) = RuleExample.split(example)
    return (files.map { ($0.path, $0.text) }, markers)
  }

  /// Compiles in-memory files with sebuf's compiler into an Image whose targets are
  /// exactly `files` (the bundled WKTs and sebuf protos resolve as imports).
  static func compile(_ files: [(String, String)]) throws -> Image {
    var overlay: [String: String] = [:]
    for (path, text) in files { overlay[path] = text }
    let (image, diagnostics) = Proto.compile(SourceSet(roots: [], targets: files.map(\.0), overlay: overlay))
    guard let image, !diagnostics.hasErrors else {
      throw CompileError(message: diagnostics.map { DiagnosticFormat.text.format($0) }.joined())
    }
    return image
  }

  struct CompileError: Error, CustomStringConvertible {
    var message: String
    var description: String { "compile failed: \(message)" }
  }
}
