import Diagnostics
import Foundation
import Testing

@testable import Proto

/// Legal but extreme inputs compile (no stack overflow, no quadratic blow-up that would
/// make this suite hang). Times are measured by bench/scaling.sh, not asserted here.
@Suite struct PathologicalInputTests {
  func compileOverlay(_ files: [String: String], targets: [String]) -> (Image?, [Diagnostic]) {
    compile(
      SourceSet(
        roots: [.init(directory: "/nonexistent-sebuf-root", displayPrefix: "")], targets: targets, overlay: files))
  }

  /// 20k fields: linking used to copy the field array on every per-field write.
  @Test func aMessageWithTwentyThousandFieldsCompiles() throws {
    var text = "syntax = \"proto3\";\npackage big;\nmessage M {\n"
    for i in 1...20_000 { text += "  int32 f\(i) = \(i < 19_000 ? i : i + 1_000);\n" }
    text += "}\n"
    let (image, diags) = compileOverlay(["big.proto": text], targets: ["big.proto"])
    #expect(!diags.hasErrors, "\(diags.prefix(3))")
    let fields = try #require(image?.files.last?.descriptor.messageType.first?.field)
    #expect(fields.count == 20_000)
    #expect(fields[19_999].jsonName == "f20000")
    #expect(fields[19_999].number == 21_000)
  }

  /// 3000 files, each importing the previous one.
  @Test func aDeepImportChainCompiles() throws {
    var files: [String: String] = [:]
    let n = 3_000
    for i in 0..<n {
      var text = "syntax = \"proto3\";\npackage p;\n"
      if i > 0 { text += "import \"f\(i - 1).proto\";\n" }
      text += "message M\(i) { " + (i > 0 ? "M\(i - 1) prev = 1;" : "") + " }\n"
      files["f\(i).proto"] = text
    }
    let (image, diags) = compileOverlay(files, targets: ["f\(n - 1).proto"])
    #expect(!diags.hasErrors, "\(diags.prefix(3))")
    #expect(image?.files.count == n)
  }

  /// Nesting has an explicit, positioned limit (protoc's is lower).
  @Test func nestingBeyondTheLimitIsAPositionedError() throws {
    func nested(_ depth: Int) -> String {
      var s = "syntax = \"proto3\";\npackage p;\n"
      for i in 0..<depth { s += "message N\(i) {\n" }
      return s + "int32 x = 1;\n" + String(repeating: "}\n", count: depth)
    }
    let (ok, okDiags) = compileOverlay(["n.proto": nested(100)], targets: ["n.proto"])
    #expect(ok != nil && !okDiags.hasErrors)
    let (_, diags) = compileOverlay(["n.proto": nested(5_000)], targets: ["n.proto"])
    let first = try #require(diags.first { $0.severity == .error })
    #expect(first.message == "Messages are nested too deeply (more than 100 levels).")
    #expect(first.span?.file == "n.proto" && first.span?.start.line == 103)
  }

  /// An aggregate option value's nesting is capped too (its parser recurses per level):
  /// 100 levels build, 20,000 are a positioned error, never a stack overflow.
  @Test func deeplyNestedOptionValuesAreAnErrorNotACrash() throws {
    func file(_ depth: Int) -> String {
      "syntax = \"proto2\";\npackage p;\nimport \"google/protobuf/descriptor.proto\";\n"
        + "message R { optional R r = 1; }\nextend google.protobuf.FileOptions { optional R x = 50000; }\n"
        + "option (x) = " + String(repeating: "{ r ", count: depth) + "{}" + String(repeating: " }", count: depth)
        + ";\n"
    }
    let (ok, okDiags) = compileOverlay(["o.proto": file(99)], targets: ["o.proto"])
    #expect(ok != nil && !okDiags.hasErrors, "\(okDiags.prefix(3))")
    let (image, diags) = compileOverlay(["o.proto": file(20_000)], targets: ["o.proto"])
    #expect(image == nil)
    let first = try #require(diags.first { $0.severity == .error })
    #expect(first.message.contains("Message values are nested too deeply (more than 100 levels)."), "\(first.message)")
    #expect(first.span?.file == "o.proto" && first.span?.start.line == 6)
  }

  /// protoc accepts invalid UTF-8 inside a string option value and keeps the bytes; so do we.
  @Test func invalidUTF8InAStringOptionIsKeptLikeProtoc() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-utf8-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let text: [UInt8] =
      Array(
        "syntax = \"proto3\";\npackage u;\nimport \"google/protobuf/descriptor.proto\";\nextend google.protobuf.MessageOptions { string note = 50001; }\nmessage A {\n  option (note) = \"ok "
          .utf8)
      + [0xFF, 0xFE] + Array(" bad\";\n}\n".utf8)
    try Data(text).write(to: dir.appendingPathComponent("u.proto"))
    let (image, diags) = compile(SourceSet(roots: [.init(directory: dir.path, displayPrefix: "")]))
    #expect(!diags.hasErrors, "\(diags)")
    let options = try #require(
      image?.files.last { $0.descriptor.name == "u.proto" }?.descriptor.messageType.first?.options)
    let raw = try options.serializedBytes() as [UInt8]
    #expect(raw.firstRange(of: [0x6F, 0x6B, 0x20, 0xFF, 0xFE, 0x20, 0x62, 0x61, 0x64]) != nil)
  }
}
