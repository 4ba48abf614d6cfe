// Helpers for the breaking tests: run tools, extract git commits, build Images with protoc
// (the oracle's side of a comparison), locate the package root.
import Foundation
import Proto
import SwiftProtobuf
import Testing

enum BreakingSupport {
  /// The package root (this file is Tests/OracleTests/BreakingSupport.swift).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Runs a tool; returns (exit code, stdout, stderr).
  @discardableResult
  static func run(_ args: [String], cwd: URL? = nil, input: Data? = nil) throws -> (Int32, Data, String) {
    signal(SIGPIPE, SIG_IGN)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    if let cwd { p.currentDirectoryURL = cwd }
    let out = Pipe()
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let errHandle = try FileHandle(forWritingTo: errURL)
    let inp = Pipe()
    p.standardOutput = out
    p.standardError = errHandle
    p.standardInput = inp
    try p.run()
    if let input { inp.fileHandleForWriting.write(input) }
    try? inp.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    try? errHandle.close()
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    return (p.terminationStatus, outData, String(decoding: errData, as: UTF8.self))
  }

  static func tempDir(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Extracts a commit of a repository into `dest` with `git archive` (no checkout).
  static func extract(repo: URL, commit: String, to dest: URL) throws {
    try FileManager.default.createDirectory(at: dest, withIntermediateDirectories: true)
    let (code, tar, err) = try run(["git", "-C", repo.path, "archive", commit])
    #expect(code == 0, "git archive failed: \(err)")
    let (c2, _, e2) = try run(["tar", "-x", "-C", dest.path], input: tar)
    #expect(c2 == 0, "tar failed: \(e2)")
  }

  /// Every `.proto` file under `dir`, relative to it, sorted.
  static func protoFiles(in dir: URL) -> [String] {
    guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
    var out: [String] = []
    while let p = e.nextObject() as? String {
      if p.hasSuffix(".proto") { out.append(p) }
    }
    return out.sorted()
  }

  /// Compiles the module at `root/module` with protoc into an Image whose target files
  /// are shown as `module/<name>` (as the sebuf compiler shows workspace paths).
  static func protocImage(root: URL, module: String, includes: [String] = []) throws -> Image {
    let dir = root.appendingPathComponent(module)
    let files = protoFiles(in: dir)
    let out = root.appendingPathComponent(".image-\(UUID().uuidString).pb")
    defer { try? FileManager.default.removeItem(at: out) }
    let (code, _, err) = try run(
      ["protoc", "-I", dir.path] + includes.flatMap { ["-I", $0] }
        + ["--include_imports", "--include_source_info", "-o", out.path] + files)
    guard code == 0 else { throw ToolError(message: "protoc failed: \(err)") }
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: try Data(contentsOf: out))
    let targets = Set(files)
    return Image(
      files: set.file.map {
        ImageFile(
          descriptor: $0, isImport: !targets.contains($0.name),
          displayPath: targets.contains($0.name) ? "\(module)/\($0.name)" : $0.name)
      })
  }

  /// The built `sebuf` binary (tests run after `swift build`).
  static func sebufBinary() throws -> String {
    for dir in [".build/debug", ".build/release"] {
      let path = packageRoot.appendingPathComponent(dir).appendingPathComponent("sebuf").path
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    throw ToolError(message: "the sebuf binary is not built; run `swift build` first")
  }

  /// The bundled sebuf annotation protos, for `import "sebuf/http/annotations.proto"`.
  static var bundledProtos: String { packageRoot.appendingPathComponent("Sources/Proto/Bundled").path }

  /// Writes `files` (import path → text) under `root/proto` and commits them.
  static func commit(_ files: [String: String], in repo: URL, message: String) throws {
    let module = repo.appendingPathComponent("proto")
    if FileManager.default.fileExists(atPath: module.path) { try FileManager.default.removeItem(at: module) }
    for (path, text) in files {
      let url = module.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try git(["add", "-A"], in: repo)
    try git(["commit", "-q", "-m", message], in: repo)
  }

  /// Runs git in `repo` with a fixed identity; fails the test on error.
  @discardableResult
  static func git(_ args: [String], in repo: URL) throws -> String {
    let (code, out, err) = try run(
      ["git", "-c", "user.name=sebuf", "-c", "user.email=sebuf@example.com", "-c", "commit.gpgsign=false"] + args,
      cwd: repo)
    if code != 0 { throw ToolError(message: "git \(args.joined(separator: " ")) failed: \(err)") }
    return String(decoding: out, as: UTF8.self)
  }

  struct ToolError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
