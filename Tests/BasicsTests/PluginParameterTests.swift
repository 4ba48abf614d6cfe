import Testing

@testable import Basics

@Suite struct PluginParameterTests {
  @Test func escapedCommaStaysInTheValue() {
    let items = PluginParameter.split(#"format=json,bundle_description=A\, B\, and C,flag,,x="#)
    #expect(items.map(\.key) == ["format", "bundle_description", "flag", "x"])
    #expect(items.map(\.value) == ["json", "A, B, and C", "", ""])
    #expect(items.map(\.hasValue) == [true, true, false, true])
  }

  @Test func otherBackslashesAreKept() {
    #expect(PluginParameter.split(#"p=C:\dir\,x"#).map(\.value) == [#"C:\dir,x"#])
    #expect(PluginParameter.split(#"p=a\"#).map(\.value) == [#"a\"#])
  }

  @Test func joinEscapesCommasSoSplitReadsTheSameOptions() {
    let options = [("bundle_description", "A, B"), ("paths", "source_relative"), ("flag", "")]
    let joined = PluginParameter.join(options)
    #expect(joined == #"bundle_description=A\, B,paths=source_relative,flag"#)
    #expect(PluginParameter.split(joined).map { [$0.key, $0.value] } == options.map { [$0.0, $0.1] })
  }
}
