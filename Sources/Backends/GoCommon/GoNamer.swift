import Basics
import Diagnostics

/// Go identifier rules shared by the Go backends: protoc-gen-go's naming of message
/// types (so generated code names the same types protoc-gen-go emits), the small case
/// conversions upstream sebuf uses, and Go string literals.
public enum GoNamer {
  /// protoc-gen-go's `GoCamelCase`: `foo_bar` → `FooBar`, `Outer.Inner` → `Outer_Inner`,
  /// a leading `_` → `X`.
  public static func camelCase(_ s: String) -> String {
    let b = Array(s.utf8)
    var out: [UInt8] = []
    func isLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    var i = 0
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "."), i + 1 < b.count, isLower(b[i + 1]) {
        // ".x" joins without a separator.
      } else if c == UInt8(ascii: ".") {
        out.append(UInt8(ascii: "_"))
      } else if c == UInt8(ascii: "_"), i == 0 || b[i - 1] == UInt8(ascii: ".") {
        out.append(UInt8(ascii: "X"))
      } else if c == UInt8(ascii: "_"), i + 1 < b.count, isLower(b[i + 1]) {
        // "_x" joins without a separator.
      } else if isDigit(c) {
        out.append(c)
      } else {
        out.append(isLower(c) ? c - 32 : c)
        while i + 1 < b.count, isLower(b[i + 1]) {
          i += 1
          out.append(b[i])
        }
      }
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `FooBar` → `fooBar` (upstream's LowerFirst, used for unexported names).
  public static func lowerFirst(_ s: String) -> String {
    guard let f = s.first else { return s }
    return f.lowercased() + s.dropFirst()
  }

  /// `fooBar` → `FooBar`.
  public static func upperFirst(_ s: String) -> String {
    guard let f = s.first else { return s }
    return f.uppercased() + s.dropFirst()
  }

  /// Upstream go-http's naive snake case for default routes: every upper-case letter
  /// after the first starts a new word (`GetHTTP` → `get_h_t_t_p`).
  public static func naiveSnake(_ s: String) -> String {
    var out = ""
    for (i, c) in s.enumerated() {
      if c.isUppercase, i > 0 { out += "_" }
      out += c.lowercased()
    }
    return out
  }

  /// A valid Go identifier from arbitrary text (invalid characters become `_`).
  public static func sanitize(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
      out.unicodeScalars.append(ok ? c : "_")
    }
    if out.isEmpty { return "_" }
    if let f = out.unicodeScalars.first, f >= "0" && f <= "9" { out = "_" + out }
    if keywords.contains(out) { out = "_" + out }
    return out
  }

  /// Go's keywords: never usable as identifiers.
  public static let keywords: Set<String> = [
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
    "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
    "switch", "type", "var",
  ]

  /// A Go interpreted string literal for `s`.
  public static func quote(_ s: String) -> String { GoString.quote(s) }

  /// Proto comment text as `//` lines safe from gofmt's doc-comment rewriting: lines
  /// are trimmed, and a comment whose lines gofmt would reformat (lists, headings,
  /// indented blocks) is dropped rather than emitted in a form gofmt would change.
  public static func docLines(_ comment: String?) -> [String] {
    guard let comment else { return [] }
    var lines = comment.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0).trimmingWhitespace()
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    for l in lines {
      if let f = l.first, "-*+#>|".contains(f) || f.isNumber { return [] }
      if l.hasPrefix("//") || l.contains("\t") { return [] }
    }
    return lines.map { $0.isEmpty ? "//" : "// " + $0 }
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  func trimmingWhitespace() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
    return String(s)
  }
}
