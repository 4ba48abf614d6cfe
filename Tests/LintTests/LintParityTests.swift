import Diagnostics
import Foundation
import Testing

@testable import Lint

/// sebuf's findings equal buf's on a corpus with violations of every buf rule.
/// Expectations were recorded from buf 1.75 by scripts/refresh-lint-expectations.
@Suite struct LintParityTests {
  struct Workspace: Sendable, CustomStringConvertible {
    var name: String
    var use: [String]
    var except: [String] = []
    var ignore: [String] = []
    var ignoreOnly: [String: [String]] = [:]
    var options = LintOptions()
    var description: String { name }
  }

  static let workspaces: [Workspace] = [
    Workspace(name: "standard", use: ["STANDARD", "UNARY_RPC", "STABLE_PACKAGE_NO_IMPORT_UNSTABLE"]),
    Workspace(name: "comments", use: ["COMMENTS"]),
    Workspace(name: "edge", use: ["STANDARD", "STABLE_PACKAGE_NO_IMPORT_UNSTABLE"]),
    Workspace(
      name: "options", use: ["STANDARD"], except: ["PACKAGE_NO_IMPORT_CYCLE"],
      ignore: ["acme/opt/v1/skipped.proto"],
      ignoreOnly: ["FIELD_LOWER_SNAKE_CASE": ["acme/opt/v1/ignored.proto"]],
      options: {
        var o = LintOptions()
        o.enumZeroValueSuffix = "_NONE"
        o.serviceSuffix = "API"
        o.rpcAllowSameRequestResponse = true
        o.rpcAllowGoogleProtobufEmptyRequests = true
        return o
      }()),
  ]

  struct BufFinding: Decodable {
    var path: String
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    var type: String
    var message: String
    enum CodingKeys: String, CodingKey {
      case path, type, message
      case startLine = "start_line"
      case startColumn = "start_column"
      case endLine = "end_line"
      case endColumn = "end_column"
    }
  }

  @Test(arguments: workspaces)
  func sameFindingsAsBuf(_ ws: Workspace) throws {
    let image = try Fixtures.compileWorkspace("parity/\(ws.name)")
    let (settings, errors) = LintSettings.resolve(
      use: ws.use, except: ws.except, ignore: ws.ignore, ignoreOnly: ws.ignoreOnly, warn: [], allowCommentIgnores: true,
      options: ws.options)
    #expect(errors.isEmpty)
    let ours = Linter.lint(image, settings: settings)
    let text = try String(
      contentsOf: Fixtures.root.appendingPathComponent("parity/\(ws.name).expected.json"), encoding: .utf8)
    let theirs = try text.split(separator: "\n").map {
      try JSONDecoder().decode(BufFinding.self, from: Data($0.utf8))
    }
    #expect(!theirs.isEmpty)
    #expect(ours.count == theirs.count, "sebuf \(ours.count) findings, buf \(theirs.count)")
    let oursKeys = Set(
      ours.map { Key(path: $0.span!.file, line: $0.span!.start.line, column: $0.span!.start.column, rule: $0.rule!) })
    let theirKeys = Set(theirs.map { Key(path: $0.path, line: $0.startLine, column: $0.startColumn, rule: $0.type) })
    let missing = theirKeys.subtracting(oursKeys).sorted()
    let extra = oursKeys.subtracting(theirKeys).sorted()
    #expect(missing.isEmpty, "buf reports but sebuf does not:\n\(missing.map(\.description).joined(separator: "\n"))")
    #expect(extra.isEmpty, "sebuf reports but buf does not:\n\(extra.map(\.description).joined(separator: "\n"))")
    // Messages and end positions match too, except the cycle path text (buf's depends on
    // Go map order for cycles longer than two packages).
    var byKey: [Key: [BufFinding]] = [:]
    for t in theirs {
      byKey[Key(path: t.path, line: t.startLine, column: t.startColumn, rule: t.type), default: []].append(t)
    }
    for d in ours {
      let k = Key(path: d.span!.file, line: d.span!.start.line, column: d.span!.start.column, rule: d.rule!)
      guard let candidates = byKey[k] else { continue }
      if d.rule == "PACKAGE_NO_IMPORT_CYCLE" { continue }
      #expect(candidates.contains { $0.message == d.message }, "\(k): \(d.message) vs \(candidates.map(\.message))")
      #expect(
        candidates.contains { $0.endLine == d.span!.end.line && $0.endColumn == d.span!.end.column }, "\(k) end")
    }
  }
}
