// A strict reader over Yams' node tree: every accessor checks the node's type and records
// a positioned diagnostic instead of failing, so one pass reports every problem in a file.
import Basics
import Diagnostics
import Yams

/// A value read from YAML together with where it was written.
struct Located<Value: Sendable>: Sendable {
  var value: Value
  var span: Span
  init(_ value: Value, _ span: Span) {
    self.value = value
    self.span = span
  }
}

/// Parses YAML text and reads typed values from it, collecting diagnostics.
struct YAMLReader {
  /// The file name shown in diagnostics (relative to the workspace).
  let file: String
  var diagnostics: [Diagnostic] = []
  /// The text's lines as Unicode scalars: Yams counts columns in scalars, spans in bytes.
  private var lines: [[Unicode.Scalar]] = []

  init(file: String) { self.file = file }

  /// The document's root node, or nil (with a diagnostic) on a syntax error or an empty file.
  mutating func parse(_ text: String) -> Node? {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    do {
      guard let root = try Yams.compose(yaml: text) else {
        error(
          "\(file) is empty; it must start with `version:`.", at: Span(file: file, start: pos(1, 1), end: pos(1, 1)))
        return nil
      }
      return root
    } catch let e as YamlError {
      diagnostics.append(Self.diagnostic(for: e, file: file, text: text))
      return nil
    } catch {
      self.error("cannot read \(file): \(error)", at: .file(file))
      return nil
    }
  }

  /// A YAML syntax error as a positioned diagnostic.
  static func diagnostic(for e: YamlError, file: String, text: String = "") -> Diagnostic {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    func at(_ m: Mark) -> Span {
      let p = SourcePosition(line: m.line, column: byteColumn(m.line, m.column, lines))
      return Span(file: file, start: p, end: p)
    }
    switch e {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var msg = "invalid YAML: \(problem)"
      if let c = context { msg += " (\(c.text) at line \(c.mark.line), column \(c.mark.column))" }
      return .error(msg, rule: "CONFIG", at: at(mark))
    case .duplicatedKeysInMapping(let keys, let context):
      let key = keys.sorted().first ?? ""
      let first = context.mark
      // Yams marks the first occurrence; point at the repeat (same column, a later line).
      if let again = repeatedKey(key, after: first, in: text) {
        return .error(
          "key \"\(key)\" is already set on line \(first.line); keep one.", rule: "CONFIG",
          at: Span(
            file: file, start: SourcePosition(line: again.line, column: byteColumn(again.line, again.column, lines)),
            end: SourcePosition(
              line: again.line, column: byteColumn(again.line, again.column + key.unicodeScalars.count, lines))))
      }
      return .error(
        "key \"\(key)\" is written more than once in this mapping; keep one.", rule: "CONFIG", at: at(first))
    case .reader(let problem, _, _, _):
      // libyaml's reader gives only an offset; the first character YAML does not allow
      // is what it stopped at, so point there.
      if let (line, column, scalar) = firstDisallowed(in: text) {
        let p = SourcePosition(line: line, column: column)
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        return .error(
          "invalid YAML: \(problem) (\(code) here); remove it or write it as an escape in a double-quoted string",
          rule: "CONFIG", at: Span(file: file, start: p, end: p))
      }
      return .error("invalid YAML: \(problem)", rule: "CONFIG", at: .file(file))
    default:
      return .error("invalid YAML: \(e)", rule: "CONFIG", at: .file(file))
    }
  }

  /// The first character YAML does not allow in a stream (C0 controls other than tab,
  /// line feed and carriage return; DEL; C1 controls other than NEL; surrogates and
  /// U+FFFE/U+FFFF), as a 1-based line and byte column.
  static func firstDisallowed(in text: String) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
    var line = 1
    var column = 1
    for u in text.unicodeScalars {
      let v = u.value
      let allowed =
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0x7E).contains(v) || v == 0x85 || (0xA0...0xD7FF).contains(v)
        || (0xE000...0xFFFD).contains(v) || v >= 0x10000
      if !allowed { return (line, column, u) }
      if v == 0xA {
        line += 1
        column = 1
      } else {
        column += UTF8.width(u)
      }
    }
    return nil
  }

  /// The next block-style `key:` at the same column as `first`, on a later line.
  static func repeatedKey(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard first.line < lines.count else { return nil }
    for i in first.line..<lines.count {
      let line = Array(lines[i].unicodeScalars)
      let indent = line.prefix { $0 == " " }.count
      if indent < first.column - 1 && !line.allSatisfy({ $0 == " " }) && line.first != "#" { break }
      guard indent == first.column - 1 else { continue }
      var rest = String(String.UnicodeScalarView(line.dropFirst(indent)))
      if rest.hasPrefix("- ") { continue }
      for q in ["\"", "'"] where rest.hasPrefix(q + key + q) { rest = key + rest.dropFirst(key.count + 2) }
      if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
        return (i + 1, first.column)
      }
    }
    return nil
  }

  // MARK: Positions

  /// A 1-based line and scalar column from Yams as a position with a byte column.
  func pos(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: Self.byteColumn(line, column, lines))
  }

  static func byteColumn(_ line: Int, _ column: Int, _ lines: [[Unicode.Scalar]]) -> Int {
    guard line >= 1, line <= lines.count, column > 1 else { return column }
    let scalars = lines[line - 1]
    var bytes = 0
    for (i, u) in scalars.enumerated() where i < column - 1 { bytes += UTF8.width(u) }
    return bytes + 1 + max(0, column - 1 - scalars.count)
  }

  /// The span of a node: its start mark; a scalar extends over its text on the line.
  func span(_ node: Node) -> Span {
    guard let m = node.mark else { return .file(file) }
    var endColumn = m.column
    if case .scalar(let s) = node, !s.string.contains("\n") {
      let quoted = s.style == .singleQuoted || s.style == .doubleQuoted
      endColumn = m.column + s.string.unicodeScalars.count + (quoted ? 2 : 0)
    }
    return Span(file: file, start: pos(m.line, m.column), end: pos(m.line, endColumn))
  }

  mutating func error(_ message: String, at span: Span) {
    diagnostics.append(.error(message, rule: "CONFIG", at: span))
  }

  // MARK: Shapes

  /// What a node is, for "expected X, found Y" messages.
  static func describe(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    case .scalar(let s):
      if s.style == .plain {
        if s.has(.null) { return "null" }
        if s.has(.bool) { return "the boolean \(s.string)" }
        if s.has(.int) || s.has(.float) { return "the number \(s.string)" }
      }
      return "the string \"\(s.string)\""
    }
  }

  /// Reads a mapping whose keys must be among `allowed`; unknown keys are errors with a
  /// "did you mean". `context` names the mapping in messages (e.g. "lint").
  mutating func mapping(_ node: Node, context: String, allowed: [String]) -> Fields? {
    guard case .mapping(let m) = node else {
      error("\(context) must be a mapping, found \(Self.describe(node)).", at: span(node))
      return nil
    }
    var fields = Fields()
    for (k, v) in m {
      guard case .scalar(let ks) = k else {
        error("keys in \(context) must be plain words, found \(Self.describe(k)).", at: span(k))
        continue
      }
      let key = ks.string
      if !allowed.contains(key) {
        var msg = "unknown key \"\(key)\" in \(context)"
        if let guess = DidYouMean.best(key, in: allowed) { msg += "; did you mean \"\(guess)\"?" } else { msg += "." }
        msg += " Allowed: \(allowed.joined(separator: ", "))."
        error(msg, at: span(k))
        continue
      }
      fields.entries[key] = (span(k), v)
      fields.order.append(key)
    }
    return fields
  }

  /// A non-null scalar as a string.
  mutating func string(_ node: Node, _ what: String) -> Located<String>? {
    guard case .scalar(let s) = node, !s.isNull else {
      error("\(what) must be a string, found \(Self.describe(node)).", at: span(node))
      return nil
    }
    return Located(s.string, span(node))
  }

  /// A non-empty string.
  mutating func nonEmptyString(_ node: Node, _ what: String) -> Located<String>? {
    guard let s = string(node, what) else { return nil }
    if s.value.isEmpty {
      error("\(what) must not be empty.", at: s.span)
      return nil
    }
    return s
  }

  /// An unquoted `true`/`false` (YAML 1.1 `yes`/`no` too, like buf).
  mutating func bool(_ node: Node, _ what: String) -> Located<Bool>? {
    guard case .scalar(let s) = node, let b = s.boolValue else {
      error("\(what) must be true or false, found \(Self.describe(node)).", at: span(node))
      return nil
    }
    return Located(b, span(node))
  }

  /// A list of strings. A lone string is an error that shows the list form.
  mutating func stringList(_ node: Node, _ what: String) -> [Located<String>]? {
    guard case .sequence(let seq) = node else {
      if case .scalar(let s) = node, !s.isNull {
        error("\(what) must be a list, found \(Self.describe(node)); write [\(s.string)].", at: span(node))
      } else {
        error("\(what) must be a list of strings, found \(Self.describe(node)).", at: span(node))
      }
      return nil
    }
    var out: [Located<String>] = []
    for item in seq {
      if let s = nonEmptyString(item, "each item of \(what)") { out.append(s) }
    }
    return out
  }

  /// A list of nodes.
  mutating func list(_ node: Node, _ what: String) -> [Node]? {
    guard case .sequence(let seq) = node else {
      error("\(what) must be a list, found \(Self.describe(node)).", at: span(node))
      return nil
    }
    return Array(seq)
  }

  /// A mapping from strings to lists of strings (`ignore_only`).
  mutating func stringListMap(_ node: Node, _ what: String) -> [(key: Located<String>, values: [Located<String>])]? {
    guard case .mapping(let m) = node else {
      error("\(what) must be a mapping from ids to lists of paths, found \(Self.describe(node)).", at: span(node))
      return nil
    }
    var out: [(key: Located<String>, values: [Located<String>])] = []
    for (k, v) in m {
      guard let key = nonEmptyString(k, "each key of \(what)") else { continue }
      guard let values = stringList(v, "\(what).\(key.value)") else { continue }
      out.append((key, values))
    }
    return out
  }
}

/// The keys of a mapping that passed the unknown-key check, with their nodes.
struct Fields {
  var entries: [String: (keySpan: Span, value: Node)] = [:]
  var order: [String] = []
  subscript(_ key: String) -> Node? { entries[key]?.value }
  func keySpan(_ key: String) -> Span? { entries[key]?.keySpan }
  func has(_ key: String) -> Bool { entries[key] != nil }
}

extension Node.Scalar {
  /// A plain scalar's YAML 1.1 type (what an unquoted value means); quoted ones are strings.
  enum Kind { case null, bool, number, string }

  var kind: Kind {
    guard style == .plain, tag.rawValue == Tag.Name.implicit.rawValue else { return .string }
    switch string {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
      "off", "Off", "OFF":
      return .bool
    default:
      return Int(string) != nil || Double(string) != nil ? .number : .string
    }
  }

  /// Whether the resolver gave the scalar this tag.
  func has(_ name: Tag.Name) -> Bool {
    switch kind {
    case .null: return name == .null
    case .bool: return name == .bool
    case .number: return name == .int || name == .float
    case .string: return name == .str
    }
  }

  /// The value of a plain boolean scalar.
  var boolValue: Bool? {
    guard kind == .bool else { return nil }
    return ["true", "yes", "on"].contains(string.lowercased())
  }

  /// An unquoted `null`, `~` or empty value.
  var isNull: Bool { kind == .null }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
