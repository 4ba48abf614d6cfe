/// A unified diff (`diff -u` shape, 3 lines of context) between two texts, as
/// `buf format -d` prints: `--- path.orig` / `+++ path`. Myers' O((N+M)·D) algorithm on
/// lines after the common prefix and suffix are cut off, so a formatter's few-line
/// changes stay cheap.
public enum UnifiedDiff {
  public static func diff(_ old: String, _ new: String, path: String) -> String {
    if old == new { return "" }
    let a = lines(old)
    let b = lines(new)
    var pre = 0
    while pre < a.count && pre < b.count && a[pre] == b[pre] { pre += 1 }
    var suf = 0
    while suf < a.count - pre && suf < b.count - pre && a[a.count - 1 - suf] == b[b.count - 1 - suf] { suf += 1 }
    let edits = myers(Array(a[pre..<(a.count - suf)]), Array(b[pre..<(b.count - suf)]))
    // Full edit script over the whole files: (kind, aIndex, bIndex); kind 0 keep, 1 delete, 2 insert.
    var script: [(UInt8, Int, Int)] = []
    for i in 0..<pre { script.append((0, i, i)) }
    for e in edits { script.append((e.0, e.1 + pre, e.2 + pre)) }
    for k in 0..<suf { script.append((0, a.count - suf + k, b.count - suf + k)) }
    var out = "--- \(path).orig\n+++ \(path)\n"
    var i = 0
    let context = 3
    while i < script.count {
      guard let firstChange = script[i...].firstIndex(where: { $0.0 != 0 }) else { break }
      let start = max(i, firstChange - context)
      var end = firstChange
      var lastChange = firstChange
      while end < script.count {
        if script[end].0 != 0 { lastChange = end }
        if end - lastChange > 2 * context { break }
        end += 1
      }
      end = min(script.count, lastChange + context + 1)
      var aStart = -1
      var bStart = -1
      var aCount = 0
      var bCount = 0
      var body = ""
      for (kind, ai, bi) in script[start..<end] {
        switch kind {
        case 0:
          if aStart < 0 { aStart = ai }
          if bStart < 0 { bStart = bi }
          aCount += 1
          bCount += 1
          body += " " + a[ai] + "\n"
        case 1:
          if aStart < 0 { aStart = ai }
          if bStart < 0 { bStart = bi }
          aCount += 1
          body += "-" + a[ai] + "\n"
        default:
          if aStart < 0 { aStart = ai }
          if bStart < 0 { bStart = bi }
          bCount += 1
          body += "+" + b[bi] + "\n"
        }
      }
      out += "@@ -\(range(aStart, aCount)) +\(range(bStart, bCount)) @@\n" + body
      i = end
    }
    return out
  }

  private static func range(_ start: Int, _ count: Int) -> String {
    let first = count == 0 ? start : start + 1
    return count == 1 ? "\(first)" : "\(first),\(count)"
  }

  private static func lines(_ s: String) -> [Substring] {
    var l = s.split(separator: "\n", omittingEmptySubsequences: false)
    if l.last == "" { l.removeLast() }
    return l
  }

  /// The edit script: (0 keep | 1 delete | 2 insert, index in a, index in b). For an
  /// insert, the a-index is where it goes; for a delete, the b-index likewise.
  static let maxEdits = 2000

  private static func myers(_ a: [Substring], _ b: [Substring]) -> [(UInt8, Int, Int)] {
    let n = a.count
    let m = b.count
    if n == 0 { return (0..<m).map { (2, 0, $0) } }
    if m == 0 { return (0..<n).map { (1, $0, 0) } }
    let maxD = n + m
    let offset = maxD + 1
    var v = [Int](repeating: 0, count: 2 * maxD + 4)
    var trace: [[Int]] = []
    outer: for d in 0...maxD {
      // Bounded work: past this many edits a whole-range replacement is as useful.
      if d > maxEdits {
        return (0..<n).map { (1, $0, 0) } + (0..<m).map { (2, n, $0) }
      }
      trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
      var k = -d
      while k <= d {
        var x: Int
        if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
          x = v[offset + k + 1]
        } else {
          x = v[offset + k - 1] + 1
        }
        var y = x - k
        while x < n && y < m && a[x] == b[y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n && y >= m { break outer }
        k += 2
      }
    }
    // Backtrack.
    var script: [(UInt8, Int, Int)] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let slice = trace[d]
      let vd = { (i: Int) -> Int in slice[i - (offset - d - 1)] }
      let k = x - y
      let prevK: Int
      if k == -d || (k != d && vd(offset + k - 1) < vd(offset + k + 1)) {
        prevK = k + 1
      } else {
        prevK = k - 1
      }
      let prevX = d == 0 ? 0 : vd(offset + prevK)
      let prevY = prevX - prevK
      while x > prevX && y > prevY {
        x -= 1
        y -= 1
        script.append((0, x, y))
      }
      if d > 0 {
        if x == prevX {
          y -= 1
          script.append((2, x, y))
        } else {
          x -= 1
          script.append((1, x, y))
        }
      }
    }
    return script.reversed()
  }
}
