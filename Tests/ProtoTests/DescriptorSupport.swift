import Diagnostics
import Foundation
import SwiftProtobuf
import Testing

@testable import Proto

/// Helpers shared by the descriptor tests: resources, splitting a serialized
/// `FileDescriptorSet` into each file's exact bytes, readable diffs.
enum DescriptorSupport {
  static func resource(_ path: String) throws -> URL {
    try #require(Bundle.module.resourceURL?.appendingPathComponent(path), "missing resource \(path)")
  }

  /// The raw bytes of each `file` entry of a serialized FileDescriptorSet, with its name.
  static func splitSet(_ bytes: [UInt8]) throws -> [(name: String, bytes: [UInt8])] {
    let records = try #require(WireRecord.parse(bytes), "malformed FileDescriptorSet")
    return try records.filter { $0.number == 1 }.map { r in
      let d = try Google_Protobuf_FileDescriptorProto(serializedBytes: r.payload)
      return (d.name, r.payload)
    }
  }

  /// A line diff of two descriptors' text form (the first differing region).
  static func textDiff(_ ours: [UInt8], _ theirs: [UInt8]) -> String {
    let a = ((try? Google_Protobuf_FileDescriptorProto(serializedBytes: ours))?.textFormatString() ?? "<undecodable>")
      .split(separator: "\n", omittingEmptySubsequences: false)
    let b = ((try? Google_Protobuf_FileDescriptorProto(serializedBytes: theirs))?.textFormatString() ?? "<undecodable>")
      .split(separator: "\n", omittingEmptySubsequences: false)
    if a == b { return "(text forms equal: field order or encoding differs)" }
    var i = 0
    while i < min(a.count, b.count) && a[i] == b[i] { i += 1 }
    var out = "first difference at line \(i + 1):\n"
    let lo = max(0, i - 4)
    for j in lo..<min(a.count, i + 8) { out += "  ours  \(j + 1): \(a[j])\n" }
    for j in lo..<min(b.count, i + 8) { out += "  protoc \(j + 1): \(b[j])\n" }
    return out
  }

  /// Compiles every `.proto` under `root` (sorted) with the bundled files.
  static func compileTree(_ root: URL) -> (Image?, [Diagnostic]) {
    compile(SourceSet(roots: [.init(directory: root.path, displayPrefix: "")]))
  }

  /// Diagnostics as `path:line:col: message` lines (warnings marked).
  static func lines(_ diags: [Diagnostic]) -> [String] {
    diags.normalized().map { d in
      var s = d.span.map { $0.hasPosition ? "\($0.file):\($0.start.line):\($0.start.column): " : "\($0.file): " } ?? ""
      if d.severity == .warning { s += "warning: " }
      return s + d.message
    }
  }
}
