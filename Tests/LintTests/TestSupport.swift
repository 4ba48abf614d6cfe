import Diagnostics
import Foundation
import Proto
import SwiftProtobuf
import Testing

@testable import Lint

/// Fixture access and image loading shared by the lint tests.
enum Fixtures {
  static var root: URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
  }

  /// Compiles a fixture workspace (one module at its root) with sebuf's compiler.
  static func compileWorkspace(_ workspace: String) throws -> Image {
    let dir = root.appendingPathComponent(workspace).path
    let (image, diagnostics) = compile(SourceSet(roots: [.init(directory: dir, displayPrefix: "")]))
    guard let image, !diagnostics.hasErrors else {
      throw ExampleCompiler.CompileError(message: diagnostics.map { DiagnosticFormat.text.format($0) }.joined())
    }
    return image
  }
}

/// One finding reduced to what the parity test compares.
struct Key: Hashable, Comparable, CustomStringConvertible {
  var path: String
  var line: Int
  var column: Int
  var rule: String
  static func < (a: Key, b: Key) -> Bool {
    (a.path, a.line, a.column, a.rule) < (b.path, b.line, b.column, b.rule)
  }
  var description: String { "\(path):\(line):\(column) \(rule)" }
}
