import Testing

@testable import Diagnostics

@Suite struct DiagnosticFormatTests {
  let d = Diagnostic.error(
    "Field name \"CityName\" should be lower_snake_case, such as \"city_name\".",
    rule: "FIELD_LOWER_SNAKE_CASE",
    at: Span(
      file: "proto/acme/weather/v1/weather.proto", start: SourcePosition(line: 13, column: 10),
      end: SourcePosition(line: 13, column: 18)))

  @Test func text() {
    #expect(
      DiagnosticFormat.text.format(d)
        == "proto/acme/weather/v1/weather.proto:13:10:Field name \"CityName\" should be lower_snake_case, such as \"city_name\".\n"
    )
  }

  @Test func json() {
    #expect(
      DiagnosticFormat.json.format(d)
        == #"{"path":"proto/acme/weather/v1/weather.proto","start_line":13,"start_column":10,"end_line":13,"end_column":18,"type":"FIELD_LOWER_SNAKE_CASE","message":"Field name \"CityName\" should be lower_snake_case, such as \"city_name\"."}"#
        + "\n")
  }

  @Test func msvs() {
    #expect(
      DiagnosticFormat.msvs.format(d)
        == "proto/acme/weather/v1/weather.proto(13,10) : error FIELD_LOWER_SNAKE_CASE : Field name \"CityName\" should be lower_snake_case, such as \"city_name\".\n"
    )
  }

  @Test func githubActions() {
    #expect(
      DiagnosticFormat.githubActions.format(d)
        == "::error file=proto/acme/weather/v1/weather.proto,line=13,col=10,endLine=13,endColumn=18::Field name \"CityName\" should be lower_snake_case, such as \"city_name\".\n"
    )
  }

  @Test func junit() {
    let out = DiagnosticFormat.junit.format(d)
    #expect(
      out.hasPrefix(
        "<testsuites>\n  <testsuite name=\"proto/acme/weather/v1/weather\" tests=\"1\" failures=\"1\" errors=\"0\">\n    <testcase name=\"FIELD_LOWER_SNAKE_CASE_13_10\">\n      <failure message=\"proto/acme/weather/v1/weather.proto:13:10:Field name &#34;CityName&#34;"
      ))
  }

  @Test func lineTable() {
    let t = LineTable(Array("ab\ncd\n\nx".utf8))
    #expect(t.position(of: 0) == SourcePosition(offset: 0, line: 1, column: 1))
    #expect(t.position(of: 4) == SourcePosition(offset: 4, line: 2, column: 2))
    #expect(t.position(of: 7) == SourcePosition(offset: 7, line: 4, column: 1))
  }

  @Test func sortsByFileThenPosition() {
    let a = Diagnostic.error(
      "x", at: Span(file: "b.proto", start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)))
    let b = Diagnostic.error(
      "y", at: Span(file: "a.proto", start: .init(line: 9, column: 1), end: .init(line: 9, column: 1)))
    #expect([a, b, a].normalized() == [b, a])
  }
}

@Suite struct JUnitWarningTests {
  @Test func aWarningIsAPassingTestcaseWithItsMessageInSystemOut() {
    let at = Span(file: "a.proto", start: SourcePosition(line: 3, column: 1), end: SourcePosition(line: 3, column: 9))
    let out = DiagnosticFormat.junit.render([
      .error("bad <name>", rule: "FIELD_LOWER_SNAKE_CASE", at: at), .warning("unused", rule: "IMPORT_USED", at: at),
    ])
    #expect(
      out == "<testsuites>\n  <testsuite name=\"a\" tests=\"2\" failures=\"1\" errors=\"0\">\n"
        + "    <testcase name=\"FIELD_LOWER_SNAKE_CASE_3_1\">\n"
        + "      <failure message=\"a.proto:3:1:bad &lt;name&gt;\" type=\"FIELD_LOWER_SNAKE_CASE\"></failure>\n"
        + "    </testcase>\n"
        + "    <testcase name=\"IMPORT_USED_3_1\">\n"
        + "      <system-out>a.proto:3:1:warning: unused</system-out>\n"
        + "    </testcase>\n"
        + "  </testsuite>\n</testsuites>\n")
  }

  @Test func aRunWithoutFindingsPrintsNothingAndAFileLessFindingIsNamedByItsRule() {
    #expect(DiagnosticFormat.junit.render([]) == "")
    let out = DiagnosticFormat.junit.render([.error("gone", rule: "FILE_NO_DELETE", at: .input)])
    #expect(out.contains("<testsuite name=\"&lt;input&gt;\" tests=\"1\" failures=\"1\" errors=\"0\">"))
    #expect(out.contains("<testcase name=\"FILE_NO_DELETE\">\n      <failure message=\"&lt;input&gt;:1:1:gone\""))
  }
}
