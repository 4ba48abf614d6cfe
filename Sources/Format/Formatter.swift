import Diagnostics
import Proto

/// `sebuf format`'s engine: one file's bytes in, buf 1.75's layout out. A file that does
/// not parse (including `edition` files, which the compiler does not support yet) is an
/// error, never a guess.
public enum ProtoFormatter {
  static func error(_ message: String, _ path: String, _ line: Int32, _ column: Int32) -> Diagnostic {
    let at = SourcePosition(line: Int(line) + 1, column: Int(column) + 1)
    return .error(message, rule: "COMPILE", at: Span(file: path, start: at, end: at))
  }

  public enum Outcome: Sendable {
    case formatted(String)
    case failed([Diagnostic])
  }

  public static func format(_ bytes: [UInt8], displayPath: String) -> Outcome {
    let (_, diagnostics) = parseProto(bytes, importPath: displayPath, displayPath: displayPath)
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { return .failed(errors) }
    do {
      let tokens = try FormatTokens(bytes: bytes)
      let trivia = TriviaIndex(tokens)
      var printer = Printer(tokens, trivia)
      printer.printFile()
      if let bad = printer.malformed {
        return .failed([
          error(
            "This option value is not valid text format, so it cannot be formatted safely; fix it (protoc would reject it too).",
            displayPath, tokens.lines[bad], tokens.columns[bad])
        ])
      }
      if printer.doc.tags.isEmpty { return .formatted("") }
      return .formatted(printer.doc.render())
    } catch FormatTokens.BuildError.tooDeep(let line, let column) {
      return .failed([
        .error(
          "Brackets are nested too deeply (more than \(FormatTokens.maxNesting) levels).", rule: "COMPILE",
          at: Span(
            file: displayPath, start: SourcePosition(line: Int(line) + 1, column: Int(column) + 1),
            end: SourcePosition(line: Int(line) + 1, column: Int(column) + 1)))
      ])
    } catch FormatTokens.BuildError.unbalanced(let line, let column) {
      return .failed([
        error(
          "Unbalanced bracket in an option value (not valid text format); fix it (protoc would reject it too).",
          displayPath, line, column)
      ])
    } catch FormatTokens.BuildError.hashComment(let line, let column) {
      return .failed([
        .error(
          "A `#` comment inside an option value cannot be formatted (buf format would turn its words into fields); write it as a // or /* */ comment.",
          rule: "COMPILE",
          at: Span(
            file: displayPath, start: SourcePosition(line: Int(line) + 1, column: Int(column) + 1),
            end: SourcePosition(line: Int(line) + 1, column: Int(column) + 1)))
      ])
    } catch {
      return .failed([.error("\(error)", rule: "COMPILE", at: .file(displayPath))])
    }
  }
}
