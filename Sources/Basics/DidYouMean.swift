/// "Did you mean" suggestions by edit distance, for unknown config keys, backends,
/// rule ids and subcommands.
public enum DidYouMean {
  /// The candidate closest to `word` (compared case-insensitively), if it is close enough
  /// to be a plausible typo: at most a third of the word's length, and at least 2.
  public static func best(_ word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)?
    for c in candidates {
      let d = distance(w, Array(c.lowercased().unicodeScalars))
      if d <= max(2, w.count / 3), best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
  }

  /// Levenshtein distance with two rows: O(a × b) time, O(b) memory.
  public static func distance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
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
