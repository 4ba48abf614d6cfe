// Oracle tools (protoc, buf, Go, tsc, node, zsh, fish…) for tests. A test that needs one
// declares it with the `.oracle(…)` trait: with the tool present it runs; with the tool
// missing it fails (CI installs every oracle with scripts/install-test-deps), unless
// SEBUF_SKIP_ORACLES=1, where it shows as skipped — never as passed.
import Foundation
import Testing

public enum OracleTools {
  /// protoc 36.2 (the reference for descriptors and editions), installed beside Debian's 3.21
  /// by scripts/install-test-deps; its well-known types are in `protoc36Include`.
  public static let protoc36 = "/opt/protoc-36.2/bin/protoc"
  public static let protoc36Include = "/opt/protoc-36.2/include/"

  /// Whether missing oracles may skip tests (`SEBUF_SKIP_ORACLES=1`).
  public static var skipAllowed: Bool { ProcessInfo.processInfo.environment["SEBUF_SKIP_ORACLES"] == "1" }

  /// Whether `tool` (a name on PATH, or an absolute path) is an executable file.
  public static func available(_ tool: String) -> Bool {
    if tool.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: tool) }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
  }

  /// What of `needs` is missing: tools (names on PATH or absolute paths), directories
  /// (absolute paths ending in `/`) and Python modules (`py:name`).
  public static func missing(_ needs: [String]) -> [String] {
    needs.filter { need in
      if need.hasPrefix("py:") { return !pythonModule(String(need.dropFirst(3))) }
      if need.hasSuffix("/") { return !FileManager.default.fileExists(atPath: need) }
      return !available(need)
    }
  }

  /// Whether python3 can import `module`.
  public static func pythonModule(_ module: String) -> Bool {
    guard available("python3") else { return false }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import \(module)"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
  }

  /// Throws when something the test needs is missing; the trait has already skipped the
  /// test when skipping is allowed, so reaching this with a missing tool is a failure.
  public static func require(_ needs: [String]) throws {
    let gone = missing(needs)
    if !gone.isEmpty {
      throw OracleUnavailable(
        description:
          "oracle missing: \(gone.joined(separator: ", ")) (run scripts/install-test-deps, or set SEBUF_SKIP_ORACLES=1 to skip)"
      )
    }
  }
}

public struct OracleUnavailable: Error, CustomStringConvertible {
  public var description: String
}

extension Trait where Self == ConditionTrait {
  /// Skips the test when `SEBUF_SKIP_ORACLES=1` and one of `needs` (tools on PATH,
  /// absolute paths, a trailing `/` for a directory, `py:module`) is missing.
  public static func oracle(_ needs: String...) -> Self {
    .enabled(
      if: !(OracleTools.skipAllowed && !OracleTools.missing(needs).isEmpty), "oracle missing and SEBUF_SKIP_ORACLES=1")
  }
}
