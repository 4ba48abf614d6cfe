/// JUnit XML as buf writes it: one `<testsuite>` per file (named by the path without
/// `.proto`), one `<testcase>` per diagnostic named `RULE_line_col`. Errors are
/// `<failure>`s; a warning (a `lint.warn` rule) is a passing testcase whose `<system-out>`
/// holds the message, so a CI test report shows it without failing. Like buf, elements are
/// indented two spaces a level, one per line, and a run without findings prints nothing.
enum JUnitReport {
  static func render(_ diagnostics: [Diagnostic]) -> String {
    guard !diagnostics.isEmpty else { return "" }
    var order: [String] = []
    var byFile: [String: [Diagnostic]] = [:]
    for d in diagnostics {
      let f = d.span?.file ?? ""
      if byFile[f] == nil { order.append(f) }
      byFile[f, default: []].append(d)
    }
    var out = "<testsuites>\n"
    for f in order {
      let ds = byFile[f] ?? []
      let name = f.hasSuffix(".proto") ? String(f.dropLast(6)) : f
      let failures = ds.filter { $0.severity >= .error }.count
      out += "  <testsuite name=\"\(xml(name))\" tests=\"\(ds.count)\" failures=\"\(failures)\" errors=\"0\">\n"
      for d in ds {
        let rule = d.rule ?? "COMPILE"
        var caseName = rule
        // buf names a file-less finding's testcase by its rule alone.
        if let sp = d.span, sp.hasPosition, !sp.isInput { caseName += "_\(sp.start.line)_\(sp.start.column)" }
        let message = TextLocation.prefix(d.span) + d.message
        if d.severity >= .error {
          out += "    <testcase name=\"\(xml(caseName))\">\n"
          out += "      <failure message=\"\(xml(message))\" type=\"\(xml(rule))\"></failure>\n"
        } else {
          out += "    <testcase name=\"\(xml(caseName))\">\n"
          out += "      <system-out>\(xml(TextLocation.prefix(d.span) + "warning: " + d.message))</system-out>\n"
        }
        out += "    </testcase>\n"
      }
      out += "  </testsuite>\n"
    }
    return out + "</testsuites>\n"
  }

  static func xml(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&#34;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
