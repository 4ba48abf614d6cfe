import Diagnostics
import Foundation
import Proto
import SwiftProtobuf

/// Compiles rule examples into Images with sebuf's own compiler.
enum ExampleCompiler {
  struct Marker: Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var description: String { "\(file):\(line):\(column)" }
  }

  /// Splits an example into files (`// file: path` lines; default `acme/v1/example.proto`)
  /// and strips `↓` markers, returning where each was.
  static func split(_ example: String) -> (files: [(String, String)], markers: Set<Marker>) {
    var files: [(String, [String])] = []
    var markers = Set<Marker>()
    for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("// file: ") {
        files.append((String(line.dropFirst("// file: ".count)), []))
        continue
      }
      if files.isEmpty { files.append(("acme/v1/example.proto", [])) }
      var text = String(line)
      while let r = text.range(of: "↓") {
        let column = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound.samePosition(in: text.utf8)!) + 1
        markers.insert(Marker(file: files[files.count - 1].0, line: files[files.count - 1].1.count + 1, column: column))
        text.removeSubrange(r)
      }
      files[files.count - 1].1.append(text)
    }
    return (files.map { ($0.0, $0.1.joined(separator: "\n")) }, markers)
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
