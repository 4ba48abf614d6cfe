/// Rule and category ids as users may write them: `stream-methods-must-use-get`,
/// `Stream_Methods_Must_Use_Get` and `STREAM_METHODS_MUST_USE_GET` are one id.
public enum RuleID {
  /// The canonical UPPER_SNAKE spelling of an id written in any case with `-`, `_`,
  /// `.` or spaces between words.
  public static func normalize(_ raw: String) -> String {
    var out = ""
    out.reserveCapacity(raw.utf8.count)
    for c in raw.unicodeScalars {
      switch c {
      case "-", "_", ".", " ": out.append("_")
      default: out.unicodeScalars.append(contentsOf: String(c).uppercased().unicodeScalars)
      }
    }
    return out
  }

  /// The candidate closest to `id` by edit distance, if it is close enough to be a
  /// plausible typo (at most a third of the id's length, minimum 2).
  public static func suggestion(for id: String, among candidates: [String]) -> String? {
    let target = Array(normalize(id).utf8)
    var best: (String, Int)?
    for c in candidates {
      let d = editDistance(target, Array(c.utf8))
      if best == nil || d < best!.1 { best = (c, d) }
    }
    guard let (name, d) = best else { return nil }
    return d <= max(2, target.count / 3) ? name : nil
  }

  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&prev, &cur)
    }
    return prev[b.count]
  }
}
