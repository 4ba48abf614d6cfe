import Diagnostics
import Foundation
import Proto
import Testing

/// Every file in Corpus/parser-errors has a `.errors` sibling with the exact
/// `line:column: message` lines protoc 36.2 prints for it (OracleTests re-checks them
/// against protoc), except `edition.proto`, where sebuf's message is its own.
@Suite struct ParserErrorTests {
  static let dir: URL = Bundle.module.resourceURL!.appendingPathComponent("Corpus/parser-errors")

  static func cases() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path)
      .filter { $0.hasSuffix(".proto") }.sorted()
  }

  @Test func atLeastThirtyCases() throws {
    #expect(try Self.cases().count >= 30)
  }

  @Test(arguments: try ParserErrorTests.cases())
  func reportsProtocErrors(_ name: String) throws {
    let bytes = try [UInt8](Data(contentsOf: Self.dir.appendingPathComponent(name)))
    let expected = try String(
      contentsOf: Self.dir.appendingPathComponent(
        String(name.dropLast(".proto".count)) + ".errors"), encoding: .utf8
    )
    .split(separator: "\n").map(String.init).sorted()
    #expect(!expected.isEmpty)
    let (_, diags) = parseProto(bytes, importPath: name, displayPath: "proto/" + name)
    let got = diags.map { d -> String in
      #expect(d.severity == .error)
      #expect(d.span?.file == "proto/" + name)
      return "\(d.span!.start.line):\(d.span!.start.column): \(d.message)"
    }.sorted()
    #expect(got == expected)
  }
}
