// Python spellings of proto names for the py-client backend: snake_case methods and header
// options, keyword-safe identifiers, string literals, and the class names types are
// declared under in one module.

import Basics
import Proto

enum PyNames {
  /// Python's keywords (soft keywords such as `type` and `match` are valid names, as upstream keeps them).
  static let reserved: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
  ]

  /// `name`, or `name_` when it is a keyword (upstream's rule).
  static func safe(_ name: String) -> String { reserved.contains(name) ? name + "_" : name }

  /// A message field's attribute: keyword-safe, and clear of the generated methods.
  static func attribute(_ fieldName: String) -> String {
    let a = safe(fieldName)
    return ["to_dict", "from_dict", "_to_map_value", "_from_map_value", "_kwargs", "self", "cls"].contains(a)
      ? a + "_" : a
  }

  /// `GetHTTPStatus` → `get_http_status`.
  static func snake(_ name: String) -> String {
    let chars = Array(name)
    var out = ""
    for (i, c) in chars.enumerated() {
      if c.isUppercase, i > 0 {
        let prev = chars[i - 1]
        let nextLower = i + 1 < chars.count && chars[i + 1].isLowercase
        if prev.isLowercase || prev.isNumber || (prev.isUppercase && nextLower) { out += "_" }
      }
      out += c.lowercased()
    }
    return safe(out)
  }

  /// A header as an option attribute: `X-API-Key` → `api_key`.
  static func headerAttribute(_ header: String) -> String {
    var n = header
    if n.lowercased().hasPrefix("x-") { n = String(n.dropFirst(2)) }
    let parts = n.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { $0.lowercased() }
    var attr = parts.joined(separator: "_")
    if attr.isEmpty || attr.first!.isNumber { attr = "header_" + attr }
    return safe(attr)
  }

  /// A double-quoted Python string literal: Go's `%q` escapes (`\\`, `\"`, `\n`, `\r`,
  /// `\t`, `\xNN`) are all valid Python escapes, so the one quoting function serves.
  static func literal(_ s: String) -> String { GoString.quote(s) }

  /// Prints `text` as a docstring: one line, or a summary line, its body and the closing quotes.
  static func docstring(_ text: String, _ p: inout CodePrinter) {
    var safe = text.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"\"\"", with: "\\\"\\\"\\\"")
    // A quote right before the closing quotes would end the string early.
    if safe.hasSuffix("\"") { safe = String(safe.dropLast()) + "\\\"" }
    let lines = safe.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.count == 1 {
      p.line("\"\"\"\(safe)\"\"\"")
      return
    }
    p.line("\"\"\"" + lines[0])
    for l in lines.dropFirst() { p.line(l) }
    p.line("\"\"\"")
  }

  /// The module a proto file's client goes to: `services/market_data.proto` → `services/market_data_client.py`.
  static func module(forProto file: String) -> String {
    (file.hasSuffix(".proto") ? String(file.dropLast(6)) : file) + "_client.py"
  }
}

/// Class names of the messages and enums one module declares: the name without the
/// package, nested names joined (`Outer.Inner` → `OuterInner`); a name two packages share
/// is qualified with its package (`shop.v1.Item` → `ShopV1Item`), and one the runtime or a
/// builtin has takes a trailing underscore (`json` → `json_`).
struct PyTypeNames {
  private var names: [String: String] = [:]

  init(_ types: [(fullName: String, package: String)], taken: Set<String>) {
    var count: [String: Int] = [:]
    for t in types { count[Naming.hoisted(fullName: t.fullName, package: t.package), default: 0] += 1 }
    var used = taken
    for t in types {
      var n = Naming.hoisted(fullName: t.fullName, package: t.package)
      if count[n, default: 0] > 1 {
        n = t.package.split(separator: ".").map { Naming.upperFirst(String($0)) }.joined() + n
      }
      while used.contains(n) { n += "_" }
      used.insert(n)
      names[t.fullName] = n
    }
  }

  func name(_ fullName: String) -> String { names[ProtoSchema.trimDot(fullName)] ?? "Any" }
}
