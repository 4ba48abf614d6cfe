import Foundation
import Proto
import SwiftProtobuf

/// Compiles rule examples into Images. Until sebuf's own compiler lands on main this
/// runs protoc (installed by scripts/install-test-deps); a missing protoc fails the test.
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

  static var bundled: String {
    // Tests/LintTests/ExampleCompiler.swift → Sources/Proto/Bundled
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/Proto/Bundled").path
  }

  /// Compiles files with protoc into an Image whose targets are exactly `files`.
  static func compile(_ files: [(String, String)]) throws -> Image {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-lint-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    for (path, text) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let out = dir.appendingPathComponent("image.binpb")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments =
      ["protoc", "-I", dir.path, "-I", bundled, "--include_imports", "--include_source_info", "-o", out.path]
      + files.map(\.0)
    let err = Pipe()
    p.standardError = err
    p.currentDirectoryURL = dir
    try p.run()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
      throw CompileError(message: String(decoding: errData, as: UTF8.self))
    }
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: try Data(contentsOf: out))
    let targets = Set(files.map(\.0))
    return Image(files: set.file.map { ImageFile(descriptor: $0, isImport: !targets.contains($0.name)) })
  }

  struct CompileError: Error, CustomStringConvertible {
    var message: String
    var description: String { "protoc failed: \(message)" }
  }
}
