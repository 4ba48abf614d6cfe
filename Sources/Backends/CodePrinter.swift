/// Builds generated source text line by line with managed indentation.
///
/// Every backend writes through one of these so that indentation is never
/// hand-counted and output is deterministic.
public struct CodePrinter: Sendable {
  public private(set) var content = ""
  private var indentation = ""
  private let indentUnit: String

  /// `indentUnit` is one level: `"\t"` for Go, two spaces for TypeScript and YAML.
  public init(indent: String = "  ") { indentUnit = indent }

  /// Appends one line at the current indentation (empty text gives an empty line).
  public mutating func line(_ text: String = "") {
    if text.isEmpty {
      content += "\n"
    } else {
      content += indentation + text + "\n"
    }
  }

  /// Appends several lines, each at the current indentation.
  public mutating func lines(_ text: String) {
    for l in text.split(separator: "\n", omittingEmptySubsequences: false) { line(String(l)) }
  }

  /// Appends a whole file's text (ending in a newline, as files do) line by line, each at
  /// the current indentation.
  public mutating func lines(ofFile text: String) {
    lines(text.hasSuffix("\n") ? String(text.dropLast()) : text)
  }

  public mutating func blank() { content += "\n" }

  public mutating func indent() { indentation += indentUnit }

  public mutating func outdent() {
    precondition(indentation.count >= indentUnit.count, "CodePrinter.outdent below zero")
    indentation.removeLast(indentUnit.count)
  }

  /// Runs `body` one level deeper.
  public mutating func indented(_ body: (inout CodePrinter) -> Void) {
    indent()
    body(&self)
    outdent()
  }

  /// Appends what another printer produced, at this printer's indentation.
  public mutating func append(_ other: CodePrinter) {
    for l in other.content.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      line(String(l))
    }
  }

  public var isEmpty: Bool { content.isEmpty }
}
