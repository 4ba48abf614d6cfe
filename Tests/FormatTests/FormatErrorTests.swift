import Diagnostics
import Testing

@testable import Format

/// Files the formatter refuses, always with a position and never with output.
@Suite struct FormatErrorTests {
  func failure(_ text: String) -> [Diagnostic]? {
    if case .failed(let d) = ProtoFormatter.format(Array(text.utf8), displayPath: "x.proto") { return d }
    return nil
  }

  @Test func syntaxErrorNamesLineAndColumn() throws {
    let d = try #require(failure("syntax = \"proto3\";\nmessage M {\n  int32 a = 1\n}\n"))
    let first = try #require(d.first)
    #expect(first.span?.file == "x.proto")
    #expect(first.span?.start.line == 4)
    #expect(first.message.contains("Expected \";\""))
  }

  @Test func unknownEditionIsTheParsersError() throws {
    let d = try #require(failure("edition = \"2025\";\nmessage M {}\n"))
    #expect(d.first?.message == "Unknown edition \"2025\".")
    #expect(d.first?.span?.start.line == 1 && d.first?.span?.start.column == 11)
    #expect(failure("edition = \"2024\";\nexport message M {}\n") == nil)
  }

  @Test func hashCommentInAggregateIsRefused() throws {
    let d = try #require(
      failure("syntax = \"proto2\";\nmessage M {\n  option (x) = {\n    a: 1 # note\n  };\n}\n"))
    #expect(d.first?.span?.start.line == 4)
    #expect(d.first?.message.contains("#") == true)
  }

  @Test func deepBracketsAreRefusedNotRecursed() throws {
    let depth = FormatTokens.maxNesting + 5
    let value = String(repeating: "{a ", count: depth) + String(repeating: "}", count: depth)
    let d = try #require(failure("syntax = \"proto2\";\noption (x) = \(value);\n"))
    #expect(d.first?.message.contains("nested too deeply") == true)
  }

  @Test func nestingAtTheLimitFormats() {
    let depth = FormatTokens.maxNesting - 2
    let value = "{" + String(repeating: "a {", count: depth - 1) + "b: 1" + String(repeating: "}", count: depth)
    let out = ProtoFormatter.format(Array("syntax = \"proto2\";\noption (x) = \(value);\n".utf8), displayPath: "x")
    guard case .formatted(let text) = out else {
      Issue.record("expected output")
      return
    }
    #expect(text.contains("b: 1"))
  }
}
