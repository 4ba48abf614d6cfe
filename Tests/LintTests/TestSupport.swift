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

  /// Loads a FileDescriptorSet written by protoc; files that are not on disk under
  /// `workspace` are marked as imports.
  static func image(_ binpb: String, workspace: String) throws -> Image {
    let data = try Data(contentsOf: root.appendingPathComponent(binpb))
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: data)
    let dir = root.appendingPathComponent(workspace)
    return Image(
      files: set.file.map { fd in
        let onDisk = FileManager.default.fileExists(atPath: dir.appendingPathComponent(fd.name).path)
        return ImageFile(descriptor: fd, isImport: !onDisk)
      })
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
