// Lint and breaking on editions files against buf 1.75: the fixtures under
// Tests/LintTests/Fixtures/editions are linted and compared (each breaking case in both
// directions: proto2/proto3 → editions migrations, feature changes at every level, edition
// 2023 → 2024) by real buf, and by sebuf's rules on the same files compiled by protoc 36.2
// (`fromProtoc`) and by sebuf's own compiler (`fromSources`). Findings must be identical:
// path, line, column, rule and message.
import Diagnostics
import Foundation
import Lint
import Proto
import SwiftProtobuf
import TestSupport
import Testing

@Suite("Editions lint and breaking parity with buf")
struct EditionsChecksOracleTests {
  static let fixtures = BreakingSupport.packageRoot.appendingPathComponent("Tests/LintTests/Fixtures/editions")
  static let lintUse = ["STANDARD", "COMMENTS", "UNARY_RPC"]
  static let breakingUse = ["FILE", "PACKAGE", "WIRE_JSON", "WIRE"]

  /// Every breaking case, forwards (previous → current) and backwards.
  static let breakingCases: [String] = {
    let dir = fixtures.appendingPathComponent("breaking")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.sorted().flatMap { ["\($0)", "\($0) reversed"] }
  }()

  /// One finding as buf's JSON prints it.
  struct Row: Decodable, Hashable, CustomStringConvertible {
    var path: String?
    var startLine: Int
    var startColumn: Int
    var type: String
    var message: String
    enum CodingKeys: String, CodingKey {
      case path, type, message
      case startLine = "start_line"
      case startColumn = "start_column"
    }
    var description: String { "\(path ?? ""):\(startLine):\(startColumn):\(type):\(message)" }

    init(path: String?, startLine: Int, startColumn: Int, type: String, message: String) {
      (self.path, self.startLine, self.startColumn, self.type, self.message) =
        (path, startLine, startColumn, type, message)
    }

    init(_ d: Diagnostic) {
      let file = d.span?.file
      self.init(
        path: file == "<input>" ? nil : file, startLine: d.span?.start.line ?? 0,
        startColumn: d.span?.start.column ?? 0, type: d.rule ?? "", message: d.message)
    }
  }

  static func rows(_ json: Data) throws -> Set<Row> {
    Set(
      try String(decoding: json, as: UTF8.self).split(separator: "\n").map {
        try JSONDecoder().decode(Row.self, from: Data($0.utf8))
      })
  }

  /// Copies a fixture directory into `dest` with a buf.yaml selecting `block`.
  static func workspace(_ source: URL, _ dest: URL, _ block: String) throws {
    try FileManager.default.copyItem(at: source, to: dest)
    try "version: v2\n\(block)".write(to: dest.appendingPathComponent("buf.yaml"), atomically: true, encoding: .utf8)
  }

  /// The module's files compiled by protoc 36.2, shown by their import paths as buf shows them.
  static func protocImage(_ dir: URL) throws -> Image {
    let files = BreakingSupport.protoFiles(in: dir)
    let out = dir.deletingLastPathComponent().appendingPathComponent("image-\(UUID().uuidString).binpb")
    defer { try? FileManager.default.removeItem(at: out) }
    let (code, _, err) = try BreakingSupport.run(
      [
        OracleTools.protoc36, "-I", dir.path, "-I", OracleTools.protoc36Include, "--include_imports",
        "--include_source_info", "-o", out.path,
      ] + files)
    guard code == 0 else { throw BreakingSupport.ToolError(message: "protoc 36.2 failed: \(err)") }
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: try Data(contentsOf: out))
    let targets = Set(files)
    return Image(files: set.file.map { ImageFile(descriptor: $0, isImport: !targets.contains($0.name)) })
  }

  /// The module's files compiled by sebuf.
  static func sebufImage(_ dir: URL) throws -> Image {
    let files = BreakingSupport.protoFiles(in: dir)
    let (image, diagnostics) = Proto.compile(
      SourceSet(roots: [.init(directory: dir.path, displayPrefix: "")], targets: files))
    guard let image, !diagnostics.hasErrors else {
      throw BreakingSupport.ToolError(
        message: "sebuf failed: \(diagnostics.map { DiagnosticFormat.text.format($0) }.joined())")
    }
    return image
  }

  static func expectSame(_ ours: Set<Row>, _ theirs: Set<Row>, _ label: String) {
    #expect(!theirs.isEmpty, "\(label): buf should report findings")
    let missing = theirs.subtracting(ours).map(\.description).sorted()
    let extra = ours.subtracting(theirs).map(\.description).sorted()
    #expect(
      missing.isEmpty && extra.isEmpty,
      "\(label):\n  buf only:\n    \(missing.joined(separator: "\n    "))\n  sebuf only:\n    \(extra.joined(separator: "\n    "))"
    )
  }

  static func lintRows(_ image: Image) -> Set<Row> {
    let rules = LintCatalog.catalog.resolve(use: lintUse, except: []).rules
    return Set(Linter.lint(image, settings: LintSettings(rules: rules)).map(Row.init))
  }

  static func breakingRows(current: Image, previous: Image) -> Set<Row> {
    var settings = BreakingSettings()
    settings.use = breakingUse
    let result = BreakingChecker.check(current: current, previous: previous, settings: settings)
    #expect(result.errors.isEmpty)
    return Set(result.violations.map(Row.init))
  }

  /// buf's lint findings for the lint fixture.
  static func bufLint(_ work: URL) throws -> (URL, Set<Row>) {
    let dir = work.appendingPathComponent("lint")
    try workspace(
      fixtures.appendingPathComponent("lint"), dir, "lint:\n  use: [\(lintUse.joined(separator: ", "))]\n")
    let (code, out, err) = try BreakingSupport.run(["buf", "lint", "--error-format", "json"], cwd: dir)
    #expect(code == 100, "buf lint: exit \(code), \(err)")
    return (dir, try rows(out))
  }

  /// buf's breaking findings for a case; the two sides' directories.
  static func bufBreaking(_ name: String, _ work: URL) throws -> (current: URL, previous: URL, rows: Set<Row>) {
    let parts = name.split(separator: " ")
    let base = fixtures.appendingPathComponent("breaking/\(parts[0])")
    let reversed = parts.count > 1
    let current = work.appendingPathComponent("current")
    let previous = work.appendingPathComponent("previous")
    let block = "breaking:\n  use: [\(breakingUse.joined(separator: ", "))]\n"
    try workspace(base.appendingPathComponent(reversed ? "previous" : "current"), current, block)
    try workspace(base.appendingPathComponent(reversed ? "current" : "previous"), previous, block)
    let (code, out, err) = try BreakingSupport.run(
      ["buf", "breaking", "--against", previous.path, "--error-format", "json"], cwd: current)
    #expect(code == 100, "buf breaking \(name): exit \(code), \(err)")
    return (current, previous, try rows(out))
  }

  @Test(.oracle("buf", OracleTools.protoc36, OracleTools.protoc36Include))
  func lintFromProtocImagesMatchesBuf() throws {
    try OracleTools.require(["buf", OracleTools.protoc36, OracleTools.protoc36Include])
    let work = try BreakingSupport.tempDir("editions-lint")
    defer { try? FileManager.default.removeItem(at: work) }
    let (dir, theirs) = try Self.bufLint(work)
    Self.expectSame(Self.lintRows(try Self.protocImage(dir)), theirs, "lint (protoc 36.2 image)")
  }

  @Test(.oracle("buf", OracleTools.protoc36, OracleTools.protoc36Include), arguments: breakingCases)
  func breakingFromProtocImagesMatchesBuf(_ name: String) throws {
    try OracleTools.require(["buf", OracleTools.protoc36, OracleTools.protoc36Include])
    let work = try BreakingSupport.tempDir("editions-breaking")
    defer { try? FileManager.default.removeItem(at: work) }
    let (current, previous, theirs) = try Self.bufBreaking(name, work)
    let ours = Self.breakingRows(current: try Self.protocImage(current), previous: try Self.protocImage(previous))
    Self.expectSame(ours, theirs, "breaking \(name) (protoc 36.2 images)")
  }

  @Test(.oracle("buf")) func lintFromSourcesMatchesBuf() throws {
    try OracleTools.require(["buf"])
    let work = try BreakingSupport.tempDir("editions-lint-src")
    defer { try? FileManager.default.removeItem(at: work) }
    let (dir, theirs) = try Self.bufLint(work)
    Self.expectSame(Self.lintRows(try Self.sebufImage(dir)), theirs, "lint (sebuf compiler)")
  }

  @Test(.oracle("buf"), arguments: breakingCases)
  func breakingFromSourcesMatchesBuf(_ name: String) throws {
    try OracleTools.require(["buf"])
    let work = try BreakingSupport.tempDir("editions-breaking-src")
    defer { try? FileManager.default.removeItem(at: work) }
    let (current, previous, theirs) = try Self.bufBreaking(name, work)
    let ours = Self.breakingRows(current: try Self.sebufImage(current), previous: try Self.sebufImage(previous))
    Self.expectSame(ours, theirs, "breaking \(name) (sebuf compiler)")
  }
}
