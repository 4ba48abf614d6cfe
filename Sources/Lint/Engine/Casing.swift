/// The case conversions buf's naming rules compare against, reproduced exactly so
/// sebuf suggests the same names ("fieldName2" → "field_name2", "HTTPServer" stays).
public enum Casing {
  static func isDelimiter(_ c: Unicode.Scalar) -> Bool {
    c == "." || c == "-" || c == "_" || c == " " || c == "\t" || c == "\n" || c == "\r"
  }
  static func isUpper(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }
  static func isLower(_ c: Unicode.Scalar) -> Bool { c.properties.isLowercase }
  static func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }

  /// Words split at delimiters and at lower→upper or acronym→word boundaries, joined
  /// with `_`, letters left as they are.
  static func snake(_ s: String) -> String {
    var chars = Array(s.unicodeScalars)
    while let f = chars.first, isDelimiter(f) { chars.removeFirst() }
    while let l = chars.last, isDelimiter(l) { chars.removeLast() }
    var out: [Unicode.Scalar] = []
    for i in chars.indices {
      var c = chars[i]
      if isDelimiter(c) { c = "_" }
      if i == 0 {
        out.append(c)
        continue
      }
      let nextStartsWord: Bool = {
        guard i < chars.count - 1 else { return false }
        let n = chars[i + 1]
        return !(isUpper(n) || isDigit(n)) && !isDelimiter(n)
      }()
      if isUpper(c) && out.last != "_" && (nextStartsWord || isLower(chars[i - 1])) {
        out.append("_")
        out.append(c)
      } else if !(c == "_" && out.last == "_") {
        out.append(c)
      }
    }
    var r = ""
    r.unicodeScalars.append(contentsOf: out)
    return r
  }

  public static func lowerSnake(_ s: String) -> String { snake(s).lowercased() }
  public static func upperSnake(_ s: String) -> String { snake(s).uppercased() }

  /// PascalCase: delimiters dropped, the letter after one upper-cased, upper-case
  /// letters kept, others lower-cased.
  public static func pascal(_ s: String) -> String {
    var out = ""
    var previous: Unicode.Scalar? = nil
    var first = true
    let trimmed = s.trimmingCharacters(in: " \t\n\r")
    for c in trimmed.unicodeScalars {
      if !isDelimiter(c) {
        if first || (previous.map(isDelimiter) ?? false) || isUpper(c) {
          out += String(c).uppercased()
        } else {
          out += String(c).lowercased()
        }
      }
      first = false
      previous = c
    }
    return out
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
