import Basics

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
    DidYouMean.best(normalize(id), in: candidates)
  }
}
