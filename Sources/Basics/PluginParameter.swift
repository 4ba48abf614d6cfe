// The protoc plugin parameter string (`k=v,k2=v2`): the one place option strings are split
// and joined. `\,` is a comma inside a value, as upstream sebuf's plugins read it (and as buf
// passes it through), so `bundle_description=A\, B` is one option with the value `A, B`.

/// Splitting and joining plugin parameter strings.
public enum PluginParameter {
  /// One `key=value` item (or a bare `key`, with an empty value).
  public struct Item: Equatable, Sendable {
    public var key: String
    public var value: String
    /// Whether the item had an `=` (a bare word has none).
    public var hasValue: Bool
  }

  /// Splits at commas not preceded by a backslash; empty items are dropped. In a value `\,`
  /// becomes `,`; everything else is kept as written.
  public static func split(_ s: String) -> [Item] {
    var parts: [String] = []
    var current = ""
    var chars = s.makeIterator()
    while let c = chars.next() {
      if c == "\\" {
        guard let next = chars.next() else {
          current.append(c)
          break
        }
        current.append(c)
        current.append(next)
      } else if c == "," {
        parts.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    parts.append(current)
    return parts.filter { !$0.isEmpty }.map { p in
      guard let eq = p.firstIndex(of: "=") else { return Item(key: p, value: "", hasValue: false) }
      let value = unescape(p[p.index(after: eq)...])
      return Item(key: String(p[..<eq]), value: value, hasValue: true)
    }
  }

  private static func unescape(_ s: Substring) -> String {
    var out = ""
    var i = s.startIndex
    while i < s.endIndex {
      let next = s.index(after: i)
      if s[i] == "\\", next < s.endIndex, s[next] == "," {
        out.append(",")
        i = s.index(after: next)
      } else {
        out.append(s[i])
        i = next
      }
    }
    return out
  }

  /// `key=value` items (a bare `key` when the value is empty) joined with commas; a comma in a
  /// value is written `\,` so ``split(_:)`` reads the same options back.
  public static func join(_ options: [(key: String, value: String)]) -> String {
    options.map { o in
      o.value.isEmpty ? o.key : o.key + "=" + String(o.value.flatMap { $0 == "," ? ["\\", ","] : [$0] })
    }.joined(separator: ",")
  }
}
