import Foundation
import Testing

@testable import Backends

/// `Runtime/RuntimeFiles.swift` must hold exactly the real runtime files under
/// `Sources/Backends/Runtime/go`, `…/ts` and `…/py`: after editing one, run scripts/embed.
struct RuntimeFilesTests {
  /// `Sources/Backends/Runtime` of this checkout.
  static let runtimeDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/Backends/Runtime").path

  @Test func embeddedRuntimesEqualTheirSourceFiles() throws {
    var onDisk: [String: [UInt8]] = [:]
    for sub in ["go", "ts", "py"] {
      let dir = Self.runtimeDirectory + "/" + sub
      for name in try FileManager.default.contentsOfDirectory(atPath: dir)
      where name.hasSuffix(".go") || name.hasSuffix(".ts") || name.hasSuffix(".py") {
        onDisk[sub + "/" + name] = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
      }
    }
    #expect(!onDisk.isEmpty)
    #expect(onDisk.keys.sorted() == RuntimeFiles.all.keys.sorted(), "files added or removed; run scripts/embed")
    for (path, bytes) in onDisk.sorted(by: { $0.key < $1.key }) {
      // A Bool, not the two arrays: a failure should name the file, not print it.
      let embeddedAsIs = RuntimeFiles.all[path].map { Array($0.utf8) } == bytes
      #expect(embeddedAsIs, "\(path) changed; run scripts/embed")
    }
  }

  @Test func everyGoRuntimeStartsWithThePlaceholderPackageClause() {
    for runtime in GoRuntime.allCases {
      #expect(runtime.source.hasPrefix(GoRuntime.placeholder), "go/\(runtime.rawValue).go")
    }
  }
}
