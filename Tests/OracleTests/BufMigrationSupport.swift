// Helpers for the migration tests: write a small buf repository, run buf and sebuf on it, and
// read what a `local:` capture plugin received from each.
import Foundation
import SwiftProtobuf
import SwiftProtobufPluginLibrary
import Testing

enum Migration {
  /// Writes `files` (path → text) into a new temporary directory with a capture plugin at
  /// `bin/protoc-gen-capture` (it saves each CodeGeneratorRequest into `$CAPTURE_DIR`).
  static func repo(_ files: [String: String]) throws -> URL {
    let dir = try BreakingSupport.tempDir("migration")
    for (path, text) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let plugin = dir.appendingPathComponent("bin/protoc-gen-capture")
    try FileManager.default.createDirectory(at: plugin.deletingLastPathComponent(), withIntermediateDirectories: true)
    // An empty stdout is an empty CodeGeneratorResponse: the plugin writes no files.
    try "#!/bin/sh\ncat > \"$CAPTURE_DIR/req-$$-$(date +%s%N).bin\"\n".write(
      to: plugin, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
    return dir
  }

  struct Run {
    var code: Int32
    var stdout: String
    var stderr: String
    var requests: [Google_Protobuf_Compiler_CodeGeneratorRequest]
  }

  /// Runs `buf` or the built `sebuf` with `args` in `dir`, capturing plugin requests.
  static func run(_ tool: String, _ args: [String], in dir: URL) throws -> Run {
    let capture = dir.appendingPathComponent(".capture-\(tool)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: capture) }
    let exe = tool == "sebuf" ? try BreakingSupport.sebufBinary() : tool
    let (code, out, err) = try BreakingSupport.run(["CAPTURE_DIR=\(capture.path)", exe] + args, cwd: dir)
    var requests: [Google_Protobuf_Compiler_CodeGeneratorRequest] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: capture.path).sorted() {
      let data = try Data(contentsOf: capture.appendingPathComponent(name))
      requests.append(try Google_Protobuf_Compiler_CodeGeneratorRequest(serializedBytes: data))
    }
    return Run(code: code, stdout: String(decoding: out, as: UTF8.self), stderr: err, requests: requests)
  }

  /// Per file name: its FileOptions and every field's options, as text, over all requests
  /// (each file must look the same in every request that carries it).
  static func options(_ requests: [Google_Protobuf_Compiler_CodeGeneratorRequest]) -> [String: String] {
    var out: [String: String] = [:]
    for r in requests {
      for f in r.protoFile {
        var text = "options {\n" + f.options.textFormatString() + "}\n"
        var stack: [(String, Google_Protobuf_DescriptorProto)] = f.messageType.map { (f.package + "." + $0.name, $0) }
        var fields: [String] = f.extension.filter(\.hasOptions).map {
          "\(f.package).\($0.name) { \($0.options.textFormatString()) }"
        }
        while let (name, m) = stack.popLast() {
          for field in m.field + m.extension where field.hasOptions {
            fields.append("\(name).\(field.name) { \(field.options.textFormatString()) }")
          }
          stack += m.nestedType.map { (name + "." + $0.name, $0) }
        }
        text += fields.sorted().joined(separator: "\n")
        if let seen = out[f.name], seen != text { out[f.name] = seen + "\n!! differs between requests:\n" + text }
        if out[f.name] == nil { out[f.name] = text }
      }
    }
    return out
  }

  /// The files each request asked to generate, sorted, one line per request (sorted).
  static func targets(_ requests: [Google_Protobuf_Compiler_CodeGeneratorRequest]) -> [String] {
    requests.map { $0.fileToGenerate.sorted().joined(separator: ",") + " | " + $0.parameter }.sorted()
  }

  /// Every regular file under `dir/sub`, relative to it, with its bytes.
  static func tree(_ dir: URL) -> [String: Data] {
    var out: [String: Data] = [:]
    guard let e = FileManager.default.enumerator(atPath: dir.path) else { return out }
    while let p = e.nextObject() as? String {
      var isDir: ObjCBool = false
      let full = dir.appendingPathComponent(p).path
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
        out[p] = FileManager.default.contents(atPath: full) ?? Data()
      }
    }
    return out
  }
}
