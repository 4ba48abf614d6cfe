import Basics

/// GitLab's Code Quality report (`--error-format gitlab-code-quality`): one JSON array of
/// issues for `artifacts: reports: codequality:`, the shape buf writes. Each issue has
/// `description`, `check_name` (the rule id), `fingerprint`, `severity` and `location`
/// with `path`, `lines.begin`/`lines.end` (what GitLab's widget reads) and the exact
/// `positions` (line and column, as buf gives them).
enum GitLabCodeQuality {
  /// The whole report; `[]` for no findings, so the artifact is always valid JSON.
  static func render(_ diagnostics: [Diagnostic]) -> String {
    guard !diagnostics.isEmpty else { return "[]\n" }
    let issues = diagnostics.map(issue)
    return "[" + issues.joined(separator: ",") + "]\n"
  }

  private static func issue(_ d: Diagnostic) -> String {
    let rule = d.rule ?? "COMPILE"
    var fields = [
      "\"description\":\(JSONString.quote(d.message))",
      "\"check_name\":\(JSONString.quote(rule))",
      "\"fingerprint\":\(JSONString.quote(fingerprint(d, rule: rule)))",
      // buf reports every finding as "minor"; a warning (lint.warn) is only "info".
      "\"severity\":\"\(d.severity == .warning || d.severity == .note ? "info" : "minor")\"",
    ]
    var location = ["\"path\":\(JSONString.quote(d.span.map { $0.isInput ? "" : $0.file } ?? ""))"]
    if let sp = d.span, sp.hasPosition {
      location.append("\"lines\":{\"begin\":\(sp.start.line),\"end\":\(sp.end.line)}")
      location.append(
        "\"positions\":{\"begin\":{\"line\":\(sp.start.line),\"column\":\(sp.start.column)},"
          + "\"end\":{\"line\":\(sp.end.line),\"column\":\(sp.end.column)}}")
    } else {
      location.append("\"lines\":{\"begin\":1,\"end\":1}")
    }
    fields.append("\"location\":{" + location.joined(separator: ",") + "}")
    return "{" + fields.joined(separator: ",") + "}"
  }

  /// Identifies one finding across pipelines: GitLab compares fingerprints to tell new
  /// issues from fixed ones. Rule, file, position and message, hashed with two seeds
  /// (32 hex digits).
  static func fingerprint(_ d: Diagnostic, rule: String) -> String {
    var text = rule + "\u{0}" + (d.span?.file ?? "") + "\u{0}" + d.message
    if let sp = d.span, sp.hasPosition { text += "\u{0}\(sp.start.line):\(sp.start.column)" }
    let bytes = Array(text.utf8)
    return ContentHash.hex(ContentHash.xxh64(bytes)) + ContentHash.hex(ContentHash.xxh64(bytes, seed: 0x9E37_79B9))
  }
}
