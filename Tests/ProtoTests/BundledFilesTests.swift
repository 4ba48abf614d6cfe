import Foundation
import Testing

@testable import Proto

/// `Resolver/BundledFiles.swift` must hold exactly the real `.proto` files under
/// `Sources/Proto/Bundled`: after editing one, run scripts/embed.
struct BundledFilesTests {
  /// `Sources/Proto/Bundled` of this checkout.
  static let bundledDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/Proto/Bundled").path

  @Test func embeddedProtosEqualTheirSourceFiles() throws {
    var onDisk: [String: [UInt8]] = [:]
    let files = FileManager.default.enumerator(atPath: Self.bundledDirectory)
    while let path = files?.nextObject() as? String {
      guard path.hasSuffix(".proto") else { continue }
      onDisk[path] = Array(try Data(contentsOf: URL(fileURLWithPath: Self.bundledDirectory + "/" + path)))
    }
    #expect(onDisk.keys.contains("google/protobuf/descriptor.proto"))
    #expect(onDisk.keys.contains("sebuf/http/annotations.proto"))
    #expect(onDisk.keys.sorted() == BundledFiles.all.keys.sorted(), "files added or removed; run scripts/embed")
    for (path, bytes) in onDisk.sorted(by: { $0.key < $1.key }) {
      // A Bool, not the two arrays: a failure should name the file, not print it.
      let embeddedAsIs = BundledFiles.all[path].map { Array($0.utf8) } == bytes
      #expect(embeddedAsIs, "\(path) changed; run scripts/embed")
    }
  }
}
