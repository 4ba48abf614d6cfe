/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable, Codable {
  case note, warning, error
  /// An internal invariant failed: the message says this is a sebuf bug.
  case bug

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    case .bug: 3
    }
  }
  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding of any stage: compile error, config error, lint or breaking violation,
/// generation error. Every stage reports through this one type.
public struct Diagnostic: Hashable, Sendable {
  public var severity: Severity
  /// The message, phrased like buf/protoc: what is wrong and what to do.
  public var message: String
  /// A stable id: a lint or breaking rule id (`FIELD_LOWER_SNAKE_CASE`) or `COMPILE`,
  /// `CONFIG`, `GENERATE`, … for other stages.
  public var rule: String?
  /// Where; nil when the problem has no place in a file.
  public var span: Span?

  public init(_ severity: Severity, _ message: String, rule: String? = nil, span: Span? = nil) {
    self.severity = severity
    self.message = message
    self.rule = rule
    self.span = span
  }

  public static func error(_ message: String, rule: String? = nil, at span: Span? = nil) -> Diagnostic {
    Diagnostic(.error, message, rule: rule, span: span)
  }

  public static func warning(_ message: String, rule: String? = nil, at span: Span? = nil) -> Diagnostic {
    Diagnostic(.warning, message, rule: rule, span: span)
  }
}

extension Diagnostic: Comparable {
  /// Sorted by file, line, column, then message: the order every formatter prints.
  public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
    let fa = a.span?.file ?? ""
    let fb = b.span?.file ?? ""
    if fa != fb { return fa < fb }
    let pa = a.span?.start ?? SourcePosition(line: 0, column: 0)
    let pb = b.span?.start ?? SourcePosition(line: 0, column: 0)
    if pa != pb { return pa < pb }
    if (a.rule ?? "") != (b.rule ?? "") { return (a.rule ?? "") < (b.rule ?? "") }
    return a.message < b.message
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error (or a bug).
  public var hasErrors: Bool { contains { $0.severity >= .error } }

  /// Sorted and de-duplicated, as printed.
  public func normalized() -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    return sorted().filter { seen.insert($0).inserted }
  }
}

/// An error that carries diagnostics, for APIs that throw.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
  public var description: String {
    diagnostics.map { DiagnosticFormat.text.format($0) }.joined(separator: "\n")
  }
}
