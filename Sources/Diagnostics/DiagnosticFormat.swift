import Basics

/// How diagnostics are printed: the `--error-format` values, in buf's shapes.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
  /// `path:line:col:message`, like buf and protoc.
  case text
  /// One JSON object per line: path, start_line, start_column, end_line, end_column, type, message.
  case json
  /// `::error file=…,line=…,col=…,endLine=…,endColumn=…::message` workflow commands.
  case githubActions = "github-actions"
  /// One JUnit XML document, a test suite per file.
  case junit
  /// `path(line,col) : error RULE : message`, for Visual Studio.
  case msvs
  /// GitLab's Code Quality report: one JSON array (``GitLabCodeQuality``).
  case gitlabCodeQuality = "gitlab-code-quality"

  /// Formats one diagnostic (for `junit`, a whole document of one).
  public func format(_ d: Diagnostic, showRule: Bool = false) -> String {
    render([d], showRule: showRule)
  }

  /// Renders a whole run. Diagnostics are printed in the order given (callers normalize).
  /// The result ends with a newline unless it is empty.
  public func render(_ diagnostics: [Diagnostic], showRule: Bool = false) -> String {
    switch self {
    case .junit:
      return JUnitReport.render(diagnostics)
    case .gitlabCodeQuality:
      return GitLabCodeQuality.render(diagnostics)
    default:
      var out = ""
      for d in diagnostics {
        out += line(d, showRule: showRule)
        out += "\n"
      }
      return out
    }
  }

  private func line(_ d: Diagnostic, showRule: Bool) -> String {
    let type = d.rule ?? "COMPILE"
    switch self {
    case .text, .junit, .gitlabCodeQuality:
      var s = TextLocation.prefix(d.span)
      if d.severity == .warning { s += "warning: " }
      s += d.message
      if showRule, let r = d.rule { s += " (\(r))" }
      return s
    case .json:
      // buf writes no path for a finding without a file; its position is still 1:1.
      var fields: [String] = []
      if d.span?.isInput != true { fields.append("\"path\":\(JSONString.quote(d.span?.file ?? ""))") }
      if let sp = d.span, sp.hasPosition {
        fields.append("\"start_line\":\(sp.start.line),\"start_column\":\(sp.start.column)")
        fields.append("\"end_line\":\(sp.end.line),\"end_column\":\(sp.end.column)")
      }
      fields.append("\"type\":\(JSONString.quote(type)),\"message\":\(JSONString.quote(d.message))")
      var s = "{" + fields.joined(separator: ",")
      if d.severity == .warning { s += ",\"severity\":\"warning\"" }
      return s + "}"
    case .githubActions:
      let kind = d.severity == .warning ? "warning" : (d.severity == .note ? "notice" : "error")
      var props: [String] = []
      if let sp = d.span {
        props.append("file=\(sp.file)")
        if sp.hasPosition && !sp.isInput {
          props.append("line=\(sp.start.line)")
          props.append("col=\(sp.start.column)")
          props.append("endLine=\(sp.end.line)")
          props.append("endColumn=\(sp.end.column)")
        }
      }
      let head = props.isEmpty ? "::\(kind)" : "::\(kind) " + props.joined(separator: ",")
      return head + "::" + escapeWorkflowData(d.message)
    case .msvs:
      let kind = d.severity == .warning ? "warning" : "error"
      var s = ""
      if let sp = d.span {
        s += sp.file
        if sp.hasPosition { s += "(\(sp.start.line),\(sp.start.column))" }
        s += " : "
      }
      return s + "\(kind) \(type) : \(d.message)"
    }
  }

  private func escapeWorkflowData(_ s: String) -> String {
    s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
  }
}

/// The `path:line:col:` prefix shared by text output and JUnit failure messages.
enum TextLocation {
  static func prefix(_ span: Span?) -> String {
    guard let sp = span else { return "" }
    if sp.hasPosition { return "\(sp.file):\(sp.start.line):\(sp.start.column):" }
    return "\(sp.file):"
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == target { out += replacement } else { out.append(c) } }
    return out
  }
}
