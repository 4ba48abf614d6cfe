import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `sebuf` binary (the test command builds it before testing).
enum CLI {
  /// The package root, found from this file's path.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
  }()

  /// `$SEBUF_BIN`, else `.build/debug/sebuf` in the package.
  static let binary: String = {
    if let b = ProcessInfo.processInfo.environment["SEBUF_BIN"] { return b }
    return packageRoot + "/.build/debug/sebuf"
  }()

  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// Runs sebuf with `args` in `directory`; `env` entries are added to the environment,
  /// `unset` names removed from it.
  static func run(
    _ args: [String], in directory: String? = nil, env: [String: String] = [:], unset: [String] = []
  ) throws -> Result {
    try runTool(binary, args, in: directory, env: env, unset: unset)
  }

  /// Runs any executable (bash, zsh, fish, script).
  static func runTool(
    _ tool: String, _ args: [String], in directory: String? = nil, env: [String: String] = [:], unset: [String] = []
  ) throws -> Result {
    signal(SIGPIPE, SIG_IGN)
    guard FileManager.default.isExecutableFile(atPath: tool) else {
      throw NSError(
        domain: "CLITests", code: 1,
        userInfo: [NSLocalizedDescriptionKey: "\(tool) is missing; run `swift build` before `swift test`."])
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "NO_COLOR")
    for k in unset { environment.removeValue(forKey: k) }
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-out-\(UUID().uuidString)")
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-err-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: outFile.path, contents: nil)
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outFile)
      try? FileManager.default.removeItem(at: errFile)
    }
    let out = try FileHandle(forWritingTo: outFile)
    let err = try FileHandle(forWritingTo: errFile)
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try out.close()
    try err.close()
    return Result(
      stdout: (try? String(contentsOf: outFile, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: errFile, encoding: .utf8)) ?? "",
      status: p.terminationStatus)
  }
}

/// A throwaway workspace directory.
struct Scratch {
  let path: String
  init() {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-cli-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  @discardableResult
  func write(_ rel: String, _ text: String) -> Scratch {
    let full = path + "/" + rel
    try? FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: full).deletingLastPathComponent().path, withIntermediateDirectories: true)
    try? text.write(toFile: full, atomically: true, encoding: .utf8)
    return self
  }
  func read(_ rel: String) -> String? { try? String(contentsOfFile: path + "/" + rel, encoding: .utf8) }
  func exists(_ rel: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + rel) }
  func remove() { try? FileManager.default.removeItem(atPath: path) }
}
