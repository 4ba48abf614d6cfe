import Proto
import SwiftProtobuf
import Testing

/// Comment attribution on small inputs (the oracle suite checks whole files against protoc).
@Suite struct ParserCommentTests {
  func locations(_ s: String) -> [Google_Protobuf_SourceCodeInfo.Location] {
    let (f, d) = parseProto(Array(s.utf8), importPath: "a.proto", displayPath: "a.proto")
    #expect(d.isEmpty)
    return f.descriptor.sourceCodeInfo.location
  }

  func at(_ locs: [Google_Protobuf_SourceCodeInfo.Location], _ path: [Int32])
    -> Google_Protobuf_SourceCodeInfo.Location?
  {
    locs.first { $0.path == path }
  }

  @Test func leadingTrailingDetached() {
    let locs = locations(
      """
      syntax = "proto3";

      // detached

      // leading
      message M { // trailing
        int32 a = 1; // a trailing
        // b leading
        int32 b = 2;
      }
      """)
    let m = at(locs, [4, 0])!
    #expect(m.leadingComments == " leading\n")
    #expect(m.trailingComments == " trailing\n")
    #expect(m.leadingDetachedComments == [" detached\n"])
    #expect(at(locs, [4, 0, 2, 0])!.trailingComments == " a trailing\n")
    #expect(at(locs, [4, 0, 2, 1])!.leadingComments == " b leading\n")
    #expect(!at(locs, [4, 0, 2, 1])!.hasTrailingComments)
  }

  @Test func blockCommentsDropStarsAndIndentation() {
    let locs = locations(
      """
      /*
       * one
       *   two
       */
      syntax = "proto3";
      """)
    #expect(at(locs, [12])!.leadingComments == "\n one\n   two\n")
  }

  @Test func nothingLeadsAClosingBrace() {
    // The comment before `}` cannot lead it, so it trails the field (protoc's rule).
    let locs = locations("syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n  // dangling\n}\n")
    #expect(at(locs, [4, 0, 2, 0])!.trailingComments == " dangling\n")
    #expect(locs.allSatisfy { !$0.hasLeadingComments })
    let blank = locations("syntax = \"proto3\";\nmessage M {\n  int32 a = 1;\n\n  // dangling\n}\n")
    #expect(blank.allSatisfy { !$0.hasLeadingComments && !$0.hasTrailingComments })
  }

  @Test func spansAreProtocs() {
    let locs = locations("syntax = \"proto3\";\nmessage M {\n\tint32 a = 1;\n}\n")
    #expect(at(locs, [])!.span == [0, 0, 3, 1])
    #expect(at(locs, [4, 0])!.span == [1, 0, 3, 1])
    #expect(at(locs, [4, 0, 2, 0])!.span == [2, 8, 20])
    #expect(at(locs, [4, 0, 2, 0, 1])!.span == [2, 14, 15])
  }
}
