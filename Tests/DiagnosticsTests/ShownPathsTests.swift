import Diagnostics
import Testing

/// Paths read from where the user stands, as buf prints them (checked against buf 1.75:
/// `buf lint mm` prints `mm/proto/a.proto`, `buf lint /abs/mm` `/abs/mm/proto/a.proto`).
@Suite struct ShownPathsTests {
  @Test func theBaseIsTheRootAsTheUserReachedIt() {
    #expect(ShownPaths.base(argument: ".", root: "/w", currentDirectory: "/w") == "")
    #expect(ShownPaths.base(argument: "mm", root: "/w/mm", currentDirectory: "/w") == "mm")
    #expect(ShownPaths.base(argument: "./mm/", root: "/w/mm", currentDirectory: "/w") == "mm")
    #expect(ShownPaths.base(argument: "a/b", root: "/w/a/b", currentDirectory: "/w") == "a/b")
    #expect(ShownPaths.base(argument: "/w/mm", root: "/w/mm", currentDirectory: "/elsewhere") == "/w/mm")
    // A directory inside the workspace: the root is the current directory or above it.
    #expect(ShownPaths.base(argument: "proto", root: "/w", currentDirectory: "/w") == "")
    #expect(ShownPaths.base(argument: ".", root: "/w", currentDirectory: "/w/proto") == "")
  }

  @Test func onlyRelativeFilesMove() {
    let at = SourcePosition(line: 3, column: 1)
    let d = Diagnostic.error("x", rule: "R", at: Span(file: "proto/a.proto", start: at, end: at))
    #expect(d.shown(under: "mm").span?.file == "mm/proto/a.proto")
    #expect(d.shown(under: "").span?.file == "proto/a.proto")
    let abs = Diagnostic.error("x", at: Span(file: "/cache/a.proto", start: at, end: at))
    #expect(abs.shown(under: "mm").span?.file == "/cache/a.proto")
    #expect(Diagnostic.error("no file").shown(under: "mm").span == nil)
    let deleted = Diagnostic.error("x", at: Span(file: Span.inputFile, start: at, end: at))
    #expect(deleted.shown(under: "mm").span?.file == Span.inputFile)
  }
}
