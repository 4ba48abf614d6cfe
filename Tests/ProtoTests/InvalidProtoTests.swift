import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Proto

/// Invalid inputs with their exact diagnostics: Invalid/linker/NAME.proto has its
/// expected output in NAME.err; a directory NAME/ is a multi-file case (every
/// .proto in it a target) with its expectation in NAME/expected.err. One line per
/// diagnostic, `path:line:col: message`, sorted, as protoc 36.2 prints them
/// (InvalidProtoOracleTests re-checks them against it), except where ours is more
/// precise: the unused-import warning quotes the path (as buf), a missing import is one
/// error at the import, and a field numbered in 19000–19999 is reported at its number.
@Suite struct InvalidProtoTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let root: String
    let targets: [String]
    let expected: String
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    var out: [Case] = []
    for group in ["Invalid/linker", "Invalid/editions"] {
      out += cases(in: group)
    }
    return out
  }()

  /// The cases of one directory: Invalid/linker (checked against protoc 3.21 when written) and
  /// Invalid/editions (each NAME.err written by protoc 36.2 through scripts/regen-proto-goldens).
  static func cases(in group: String) -> [Case] {
    guard let dir = Bundle.module.resourceURL?.appendingPathComponent(group) else { return [] }
    let fm = FileManager.default
    var out: [Case] = []
    for entry in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
      let url = dir.appendingPathComponent(entry)
      var isDir: ObjCBool = false
      fm.fileExists(atPath: url.path, isDirectory: &isDir)
      if isDir.boolValue {
        let files = TargetDiscovery.protoFiles(under: url.path)
        let err = (try? String(contentsOf: url.appendingPathComponent("expected.err"), encoding: .utf8)) ?? ""
        out.append(Case(name: entry, root: url.path, targets: files, expected: err))
      } else if entry.hasSuffix(".proto") {
        let err =
          (try? String(contentsOf: dir.appendingPathComponent(String(entry.dropLast(6)) + ".err"), encoding: .utf8))
          ?? ""
        out.append(Case(name: entry, root: dir.path, targets: [entry], expected: err))
      }
    }
    return out
  }

  @Test func thereAreEnoughCases() {
    #expect(Self.cases(in: "Invalid/linker").count >= 80)
    #expect(Self.cases(in: "Invalid/editions").count >= 80)
    #expect(Self.cases.allSatisfy { !$0.expected.isEmpty })
  }

  @Test(arguments: cases)
  func reportsExactly(_ c: Case) {
    let sources = SourceSet(roots: [.init(directory: c.root, displayPrefix: "")], targets: c.targets)
    let (image, diags) = compile(sources)
    let got = DescriptorSupport.lines(diags)
    let want = c.expected.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
      .map(ProtocLines.quotingUnusedImport)
    #expect(
      got
        == want.sorted { a, b in
          // Same order as Diagnostic sorting: by file, then line, column, message.
          DescriptorSupport.sortKey(a) < DescriptorSupport.sortKey(b)
        })
    if want.contains(where: { !$0.contains("warning: ") }) { #expect(image == nil) }
  }
}

extension DescriptorSupport {
  /// (file, line, column, rest) of an expected line, for sorting like diagnostics.
  static func sortKey(_ line: String) -> SortKey {
    let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 4, let l = Int(parts[1]), let c = Int(parts[2]) else {
      // `file: message`, with no position, sorts first in its file.
      guard let colon = line.range(of: ": ") else { return SortKey(file: line, line: 0, column: 0, rest: "") }
      var rest = String(line[colon.upperBound...])
      if rest.hasPrefix("warning: ") { rest.removeFirst(9) }
      return SortKey(file: String(line[..<colon.lowerBound]), line: 0, column: 0, rest: rest)
    }
    var rest = parts[3].trimmingCharacters(in: .whitespaces)
    if rest.hasPrefix("warning: ") { rest.removeFirst(9) }
    return SortKey(file: parts[0], line: l, column: c, rest: rest)
  }

  struct SortKey: Comparable {
    var file: String
    var line: Int
    var column: Int
    var rest: String
    static func < (a: SortKey, b: SortKey) -> Bool {
      (a.file, a.line, a.column, a.rest) < (b.file, b.line, b.column, b.rest)
    }
  }
}
