/// gofmt-exact printing of keyed composite literals.
///
/// gofmt aligns the values of consecutive single-line `key: value` elements and
/// starts a new alignment section at every element whose value spans lines.
public enum GoKeyed: Sendable {
  /// `key: value,` on one line.
  case line(String, String)
  /// `key: open` … indented lines … `close,`.
  case block(String, open: String, lines: [String], close: String)
}

extension CodePrinter {
  /// Prints the elements of a keyed literal with gofmt's alignment.
  public mutating func goKeyed(_ elements: [GoKeyed]) {
    var i = 0
    while i < elements.count {
      switch elements[i] {
      case .block(let key, let open, let lines, let close):
        line("\(key): \(open)")
        indented { p in for l in lines { p.line(l) } }
        line(close + ",")
        i += 1
      case .line:
        var j = i
        var width = 0
        while j < elements.count, case .line(let k, _) = elements[j] {
          width = max(width, k.count)
          j += 1
        }
        for e in elements[i..<j] {
          if case .line(let k, let v) = e {
            line(k + ":" + String(repeating: " ", count: width - k.count + 1) + v + ",")
          }
        }
        i = j
      }
    }
  }
}
