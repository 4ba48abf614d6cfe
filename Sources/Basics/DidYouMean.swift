/// "Did you mean" suggestions by edit distance, for unknown config keys, backends,
/// rule ids and subcommands.
public enum DidYouMean {
  /// The candidate closest to `word` (compared case-insensitively), if it is close enough
  /// to be a plausible typo: at most a third of the word's length, and at least 2. On a
  /// tie the candidate sharing the longer prefix wins (`lnit`: `lint`, not `init`).
  public static func best(_ word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    var best: (String, Int, Int)?
    for c in candidates {
      let cs = Array(c.lowercased().unicodeScalars)
      let d = distance(w, cs)
      guard d <= max(2, w.count / 3) else { continue }
      let shared = zip(w, cs).prefix { $0 == $1 }.count
      if best == nil || d < best!.1 || (d == best!.1 && shared > best!.2) { best = (c, d, shared) }
    }
    return best?.0
  }

  /// Edit distance counting an insertion, deletion, substitution or swap of two
  /// neighbours as one edit (optimal string alignment), with three rows: O(a × b) time,
  /// O(b) memory. A swapped pair is the commonest typo (`lnit` for `lint`).
  public static func distance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], before[j - 2] + 1) }
      }
      (before, prev, cur) = (prev, cur, before)
    }
    return prev[b.count]
  }
}
