import Foundation
import Proto
import SwiftProtobuf
import TestSupport
import Testing

/// The edition defaults sebuf computes from its bundled descriptor.proto and language feature
/// protos against protoc 36.2's own computation (`--edition_defaults_out`) over the same
/// protos of its include tree: the FeatureSetDefaults must be byte-identical.
@Suite struct FeatureDefaultsOracleTests {
  @Test(.oracle(OracleTools.protoc36, OracleTools.protoc36Include)) func bundledDefaultsMatchProtoc36() throws {
    try OracleTools.require([OracleTools.protoc36, OracleTools.protoc36Include])
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sebuf-edition-defaults-\(UUID().uuidString).binpb")
    defer { try? FileManager.default.removeItem(at: out) }
    let proc = Process()
    proc.executableURL = URL(fileURLWithPath: OracleTools.protoc36)
    proc.arguments =
      [
        "-I", OracleTools.protoc36Include, "--edition_defaults_out=\(out.path)",
        "--edition_defaults_minimum=\(EditionDefaults.protocMinimum.protocName)",
        "--edition_defaults_maximum=\(EditionDefaults.protocMaximum.protocName)",
      ] + EditionDefaults.languageFeatureFiles
    try proc.run()
    proc.waitUntilExit()
    #expect(proc.terminationStatus == 0, "protoc failed")
    let theirs = [UInt8](try Data(contentsOf: out))
    let ours: [UInt8] = try EditionDefaults.bundled.featureSetDefaults.serializedBytes()
    let decoded = try Google_Protobuf_FeatureSetDefaults(serializedBytes: theirs)
    #expect(decoded.defaults.count == EditionDefaults.bundled.featureSetDefaults.defaults.count)
    #expect(
      ours == theirs,
      "ours:\n\(EditionDefaults.bundled.featureSetDefaults.textFormatString())\nprotoc:\n\(decoded.textFormatString())")
  }
}
