import Foundation
import Testing

/// Runs the real Go toolchain (and protoc + protoc-gen-go for message types) offline,
/// as toolchain.md describes: go.mod `replace`s to Debian's Go protobuf sources,
/// GOPROXY=off, a shared build cache so repeated runs stay fast.
enum GoToolchain {
  struct Result {
    var status: Int32
    var output: String
  }

  static let protobufSources = "/usr/share/gocode/src/google.golang.org/protobuf"

  static func which(_ tool: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(dir)/\(tool)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// The environment for offline module builds.
  static var environment: [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["GOFLAGS"] = "-mod=mod"
    env["GOPROXY"] = "off"
    env["GOSUMDB"] = "off"
    env["GOTOOLCHAIN"] = "local"
    env["GOCACHE"] = env["SEBUF_GOCACHE"] ?? "/tmp/sebuf-gocache"
    return env
  }

  /// Runs `arguments` (the first is looked up on PATH) in `directory`.
  static func run(_ arguments: [String], in directory: URL) throws -> Result {
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: which(arguments[0]) ?? arguments[0])
    process.arguments = Array(arguments.dropFirst())
    process.currentDirectoryURL = directory
    process.environment = environment
    let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-go-out-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: outFile.path, contents: nil)
    let handle = try FileHandle(forWritingTo: outFile)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    let output = (try? String(contentsOf: outFile, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(at: outFile)
    return Result(status: process.terminationStatus, output: output)
  }

  /// gofmt from the Go installation that `go` belongs to.
  static func gofmt(in directory: URL) throws -> String {
    let root = try run(["go", "env", "GOROOT"], in: directory).output.trimmingCharacters(in: .whitespacesAndNewlines)
    return root + "/bin/gofmt"
  }

  /// A go.mod for `module` that resolves google.golang.org/protobuf offline.
  static func goMod(module: String) -> String {
    """
    module \(module)

    go 1.22

    require google.golang.org/protobuf v1.28.1

    replace (
    \tgoogle.golang.org/protobuf => /usr/share/gocode/src/google.golang.org/protobuf
    \tgithub.com/golang/protobuf => /usr/share/gocode/src/github.com/golang/protobuf
    \tgithub.com/google/go-cmp => /usr/share/gocode/src/github.com/google/go-cmp
    )

    """
  }
}

struct OracleFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
