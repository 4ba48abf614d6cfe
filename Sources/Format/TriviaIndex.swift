/// Which comments belong to which token, decided exactly as buf's formatter
/// (protocompile's `printer/trivia.go`) decides: each token has leading and trailing
/// trivia attached; each scope (the file, each bracket pair) has "detached" slots between
/// its declarations. Trivia lists are contiguous token-index ranges.
struct TriviaIndex {
  struct Attached {
    var leading: Range<Int> = 0..<0
    var trailing: Range<Int> = 0..<0
  }
  struct Detached {
    var slots: [Range<Int>] = []
    var blankBefore: [Bool] = []
    var blankBeforeClose = false
    /// Each declaration's first and last item (token index) in source order.
    var decls: [(first: Int, last: Int)] = []

    var isEmpty: Bool { slots.isEmpty || (slots.count == 1 && slots[0].isEmpty) }
    func hasBlankBefore(_ i: Int) -> Bool { i >= 0 && i < blankBefore.count && blankBefore[i] }
  }

  static let root = -1
  let t: FormatTokens
  var attached: [Attached]
  var detached: [Int: Detached] = [:]

  init(_ t: FormatTokens) {
    self.t = t
    attached = Array(repeating: Attached(), count: t.count)
    walkScope(t.items(0, t.count), scopeID: Self.root, literal: false)
  }

  func scope(_ id: Int) -> Detached { detached[id] ?? Detached() }

  func hasComment(_ r: Range<Int>) -> Bool {
    for i in r where t.isComment(i) { return true }
    return false
  }

  func isNewline(_ i: Int) -> Bool { t.kinds[i] == .newline }

  func firstNewline(_ r: Range<Int>) -> Int {
    for i in r where isNewline(i) { return i }
    return r.upperBound
  }

  /// Splits off the trivia after the last blank line: (detached, attached).
  func splitDetached(_ r: Range<Int>) -> (Range<Int>, Range<Int>) {
    var lastBlankEnd = -1
    var i = r.upperBound - 1
    while i >= r.lowerBound {
      if t.kinds[i] != .space && t.kinds[i] != .newline {
        lastBlankEnd = -1
      } else if isNewline(i) {
        if lastBlankEnd != -1 { break }
        lastBlankEnd = i
      }
      i -= 1
    }
    if lastBlankEnd == -1 { return (r.lowerBound..<r.lowerBound, r) }
    return (r.lowerBound..<lastBlankEnd, lastBlankEnd..<r.upperBound)
  }

  /// A cursor over one scope's items.
  struct Cursor {
    let items: [Int]
    var pos = 0
    mutating func next() -> Int? {
      guard pos < items.count else { return nil }
      pos += 1
      return items[pos - 1]
    }
    mutating func back() { pos -= 1 }
  }

  // Recursion here follows bracket nesting, which FormatTokens bounds (maxNesting).
  private mutating func walkScope(_ items: [Int], scopeID: Int, literal: Bool) {
    let inList = scopeID >= 0 && t.isSymbol(scopeID, "[")
    var cursor = Cursor(items: items)
    var pending: Range<Int>? = nil
    var trivia = Detached()
    var hadBlank = false
    while let tok = cursor.next() {
      if t.isSkippable(tok) {
        pending = (pending?.lowerBound ?? tok)..<(tok + 1)
        continue
      }
      var p = pending ?? tok..<tok
      if trivia.slots.isEmpty && scopeID != Self.root {
        let fn = firstNewline(p)
        if fn < p.upperBound && hasComment(p.lowerBound..<fn) {
          attached[scopeID].trailing = p.lowerBound..<fn
          p = fn..<p.upperBound
        }
      }
      let (det, att) = splitDetached(p)
      trivia.slots.append(det)
      var blank = hadBlank
      if trivia.blankBefore.isEmpty && !blank && hasComment(det) { blank = true }
      trivia.blankBefore.append(blank)
      attached[tok] = Attached(leading: att)
      pending = nil
      let (blankAfter, last) = walkDecl(&cursor, start: tok, literal: literal, inList: inList)
      trivia.decls.append((tok, last))
      hadBlank = blankAfter
    }
    let rest = pending ?? (items.last.map { end(of: $0) } ?? 0)..<(items.last.map { end(of: $0) } ?? 0)
    trivia.slots.append(rest)
    if !hadBlank && scopeID != Self.root && !rest.isEmpty {
      let (d, a) = splitDetached(rest)
      hadBlank = hasComment(d) && hasComment(a)
    }
    trivia.blankBeforeClose = hadBlank
    detached[scopeID] = trivia
  }

  private func end(of item: Int) -> Int { t.isFused(item) ? Int(t.match[item]) + 1 : item + 1 }

  private mutating func walkFused(_ open: Int, parentSawAssign: Bool) -> Int {
    let close = Int(t.match[open])
    var literal = false
    if t.kinds[open] == .symbol {
      switch t.byte(open) {
      case UInt8(ascii: "["): literal = true
      case UInt8(ascii: "{"), UInt8(ascii: "<"): literal = parentSawAssign
      default: break
      }
    }
    walkScope(t.items(open + 1, close), scopeID: open, literal: literal)
    var trivia = detached[open]!
    let endTokens = trivia.slots[trivia.slots.count - 1]
    let (d, a) = splitDetached(endTokens)
    trivia.slots[trivia.slots.count - 1] = d
    detached[open] = trivia
    attached[close] = Attached(leading: a)
    return close
  }

  private func nextNonSkippableIsSemi(_ cursor: Cursor) -> Bool {
    var c = cursor
    while let n = c.next() {
      if !t.isSkippable(n) { return t.isSymbol(n, ";") }
    }
    return false
  }

  /// Walks one declaration; returns whether a blank line follows it, and its last item.
  private mutating func walkDecl(_ cursor: inout Cursor, start: Int, literal: Bool, inList: Bool) -> (Bool, Int) {
    var endToken = start
    var lastItem = start
    var pending: Range<Int>? = nil
    var sawAssign = false
    var tok: Int? = start
    while let cur = tok {
      if cur != start && t.isSkippable(cur) {
        pending = (pending?.lowerBound ?? cur)..<(cur + 1)
        tok = cursor.next()
        continue
      }
      if cur != start {
        var leading = pending ?? cur..<cur
        let fn = firstNewline(leading)
        if hasComment(leading.lowerBound..<fn) && fn < leading.upperBound {
          attached[endToken].trailing = leading.lowerBound..<fn
          leading = fn..<leading.upperBound
        }
        attached[cur] = Attached(leading: leading)
        pending = nil
      }
      if t.isSymbol(cur, "=") { sawAssign = true }
      endToken = cur
      lastItem = cur
      if t.isFused(cur) { endToken = walkFused(cur, parentSawAssign: sawAssign) }
      var boundary = t.isSymbol(cur, ";")
      // In a list (`[...]`) only separators end an element: `{a: 1},` is one element,
      // as buf's blank-line handling between list elements shows.
      if t.isFused(cur) && t.isSymbol(cur, "{") && !inList {
        boundary = !sawAssign || !nextNonSkippableIsSemi(cursor)
      }
      if literal && t.isSymbol(cur, ",") { boundary = true }
      if boundary { break }
      tok = cursor.next()
    }

    var afterNewline = false
    var atEndOfScope = true
    var hasBlankLine = false
    var trailing: Range<Int>? = nil
    while let cur = cursor.next() {
      let isNL = isNewline(cur)
      let isSpace = t.kinds[cur] == .space
      let isComment = t.isComment(cur)
      if !afterNewline && !isNL && !isSpace && !isComment {
        cursor.back()
        atEndOfScope = false
        break
      }
      if afterNewline && !isNL && !isSpace {
        let tr = trailing!
        let fn = firstNewline(tr)
        let (d, a) = splitDetached(fn..<tr.upperBound)
        hasBlankLine = !d.isEmpty
        cursor.back()
        for _ in a { cursor.back() }
        trailing = tr.lowerBound..<(fn + d.count)
        atEndOfScope = false
        break
      }
      afterNewline = afterNewline || isNL
      trailing = (trailing?.lowerBound ?? cur)..<(cur + 1)
    }
    var tr = trailing ?? 0..<0
    if atEndOfScope, let p = pending, !p.isEmpty, tr.isEmpty {
      let fn = firstNewline(p)
      if hasComment(p.lowerBound..<fn) { tr = p.lowerBound..<fn }
      let rest = fn..<p.upperBound
      if hasComment(rest) {
        let (_, a) = splitDetached(rest)
        hasBlankLine = rest.count > a.count
        for _ in rest { cursor.back() }
      }
    }
    if atEndOfScope && !afterNewline && !tr.isEmpty && t.isSymbol(endToken, ";") {
      var hasBlock = false
      for i in tr where t.kinds[i] == .blockComment { hasBlock = true }
      if hasBlock {
        for _ in tr { cursor.back() }
        tr = 0..<0
      }
    }
    if atEndOfScope && afterNewline && !tr.isEmpty {
      let fn = firstNewline(tr)
      for _ in 0..<(tr.upperBound - fn) { cursor.back() }
      tr = tr.lowerBound..<fn
    }
    if !tr.isEmpty { attached[endToken].trailing = tr }
    return (hasBlankLine, lastItem)
  }
}
