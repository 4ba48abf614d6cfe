/// Prints a file in buf 1.75's layout (protocompile's printer with its `Legacy`
/// formatting: strict layout, canonical file order, `//` trailing comments in tight
/// spots rewritten to `/* */`, normalized block comments). This file holds the trivia
/// machinery; the declaration and expression printers are in the extensions.
struct Printer {
  enum Gap: UInt8 { case none, space, newline, softline, blankline, inline, preserve, preserveTight }

  struct Context {
    var lineToBlock = false
    var indentExpr = false
    var trailingBlockOnNewLine = false
    var pairLeadingBlock = false
    var pathInValueContext = false
  }

  let t: FormatTokens
  let trivia: TriviaIndex
  var doc = Doc()
  var pending: [Int] = []
  var ctx = Context()
  /// The first token of an option value that is not well-formed text format (the parser
  /// only balances its braces); the file is then refused rather than guessed at.
  var malformed: Int? = nil

  mutating func markMalformed(_ tok: Int?) {
    if malformed == nil { malformed = tok ?? 0 }
  }

  init(_ t: FormatTokens, _ trivia: TriviaIndex) {
    self.t = t
    self.trivia = trivia
  }

  // MARK: - Gaps and trivia

  mutating func emitGap(_ gap: Gap) {
    switch gap {
    case .space: doc.space()
    case .newline: doc.newline()
    case .softline: doc.softline()
    case .blankline: doc.blankline()
    case .none, .inline, .preserve, .preserveTight: break
    }
  }

  func commentGap(_ context: Gap, isLine: Bool, blankRun: Int) -> Gap {
    if blankRun >= 2 { return .blankline }
    if isLine { return .newline }
    return context
  }

  mutating func appendPending(_ r: Range<Int>) { pending.append(contentsOf: r) }

  var pendingHasComments: Bool { pending.contains { t.isComment($0) } }

  mutating func emitTrivia(_ gap: Gap) {
    var afterGap = Gap.softline
    switch gap {
    case .space: afterGap = .space
    case .preserve, .preserveTight, .inline: afterGap = .none
    default: break
    }
    let firstGap = gap == .inline ? Gap.space : gap
    func inherit(_ base: Gap, _ hasSpace: Bool) -> Gap {
      ((gap == .preserve || gap == .preserveTight) && hasSpace) ? .space : base
    }
    var hasComment = false
    var prevIsLine = false
    var newlineRun = 0
    var hasNonNewlineSpace = false
    var preCommentNewline = false
    let items = pending
    pending.removeAll(keepingCapacity: true)
    for tok in items {
      switch t.kinds[tok] {
      case .newline:
        newlineRun += 1
        if !hasComment { preCommentNewline = true }
        continue
      case .space:
        hasNonNewlineSpace = true
        continue
      case .lineComment, .blockComment: break
      default: continue
      }
      var fg = inherit(firstGap, hasNonNewlineSpace)
      let ag = inherit(afterGap, hasNonNewlineSpace)
      if gap == .preserveTight && !hasComment { fg = firstGap }
      if !hasComment {
        emitGap(fg)
      } else {
        emitGap(commentGap(ag, isLine: prevIsLine, blankRun: newlineRun))
      }
      hasNonNewlineSpace = false
      newlineRun = 0
      let isLine = t.kinds[tok] == .lineComment
      emitComment(tok)
      hasComment = true
      prevIsLine = isLine
    }
    if hasComment {
      if gap == .newline && !prevIsLine && newlineRun == 0 && preCommentNewline && ctx.pairLeadingBlock {
        emitGap(.space)
        return
      }
      var finalGap = commentGap(inherit(afterGap, hasNonNewlineSpace), isLine: prevIsLine, blankRun: newlineRun)
      if gap == .newline && !prevIsLine && newlineRun >= 1 && finalGap == .space { finalGap = .newline }
      emitGap(finalGap)
      return
    }
    emitGap(gap)
  }

  mutating func printToken(_ tok: Int, _ gap: Gap) {
    printTokenAs(tok, gap, t.text(tok))
  }

  mutating func printTokenAs(_ tok: Int, _ gap: Gap, _ text: String) {
    let att = trivia.attached[tok]
    appendPending(att.leading)
    if !text.isEmpty {
      emitTrivia(gap)
      doc.text(text)
    }
    emitTrailing(att.trailing)
  }

  mutating func emitTrailing(_ r: Range<Int>) {
    let blockOnNewLine = ctx.trailingBlockOnNewLine
    for i in r where t.isComment(i) {
      let isLine = t.kinds[i] == .lineComment
      if !isLine && blockOnNewLine { doc.newline() } else { doc.space() }
      if ctx.lineToBlock && isLine {
        var body = trimRight(t.text(i))
        body.removeFirst(2)
        body = body.replacingOccurrences("*/", with: "* /")
        doc.text("/*" + body + " */")
      } else {
        emitComment(i)
      }
    }
  }

  mutating func emitCommaTrivia(_ comma: Int?) {
    guard let comma else { return }
    emitTrailing(trivia.attached[comma].trailing)
  }

  mutating func emitSlot(_ d: TriviaIndex.Detached, _ i: Int) {
    if i >= 0 && i < d.slots.count { appendPending(d.slots[i]) }
  }

  mutating func emitRemainingSlots(_ d: TriviaIndex.Detached, from i: Int) {
    var i = max(0, i)
    while i < d.slots.count {
      appendPending(d.slots[i])
      i += 1
    }
  }

  mutating func withIndent(_ body: (inout Printer) -> Void) {
    doc.tags.append(.indentStart)
    body(&self)
    doc.tags.append(.indentEnd)
  }

  mutating func withGroup(_ body: (inout Printer) -> Void) {
    doc.tags.append(.groupStart)
    body(&self)
    doc.tags.append(.groupEnd)
  }

  // MARK: - Close brackets

  func closeComments(_ close: Int) -> Range<Int>? {
    let att = trivia.attached[close]
    return trivia.hasComment(att.leading) ? att.leading : nil
  }

  func openTrailing(_ open: Int) -> Range<Int>? {
    let att = trivia.attached[open]
    return trivia.hasComment(att.trailing) ? att.trailing : nil
  }

  mutating func emitCloseTok(_ close: Int, _ text: String, _ comments: Range<Int>?) {
    if comments != nil {
      emitGap(.newline)
      doc.text(text)
      emitTrailing(trivia.attached[close].trailing)
    } else {
      printTokenAs(close, .newline, text)
    }
  }

  mutating func emitCloseComments(_ comments: Range<Int>?, blankBeforeClose: Bool) {
    for tok in pending where t.isComment(tok) {
      emitGap(.newline)
      emitComment(tok)
    }
    pending.removeAll(keepingCapacity: true)
    guard let comments else { return }
    var gap: Gap = blankBeforeClose ? .blankline : .newline
    var newlineRun = 0
    for i in comments {
      if t.kinds[i] == .newline {
        newlineRun += 1
        continue
      }
      if !t.isComment(i) { continue }
      if newlineRun >= 2 { gap = .blankline }
      newlineRun = 0
      emitGap(gap)
      emitComment(i)
      gap = .newline
    }
  }

  /// Items (token indices) directly inside a fused token, skipping trivia.
  func children(_ open: Int) -> [Int] {
    t.items(open + 1, Int(t.match[open])).filter { !t.isSkippable($0) }
  }

  func scopeHasAttachedComments(_ open: Int) -> Bool {
    if openTrailing(open) != nil { return true }
    if closeComments(Int(t.match[open])) != nil { return true }
    for c in children(open) {
      let att = trivia.attached[c]
      if trivia.hasComment(att.leading) || trivia.hasComment(att.trailing) { return true }
    }
    return false
  }

  func scopeHasUninlineableLeadingComments(_ open: Int) -> Bool {
    for c in children(open) {
      var sawNewline = false
      for i in trivia.attached[c].leading {
        switch t.kinds[i] {
        case .newline: sawNewline = true
        case .lineComment: return true
        case .blockComment: if sawNewline { return true }
        default: break
        }
      }
    }
    return false
  }

  // MARK: - Comments

  mutating func emitComment(_ tok: Int) {
    let text = trimRight(t.text(tok))
    if t.kinds[tok] == .blockComment {
      emitBlockComment(text)
    } else {
      doc.lineComment(text)
    }
  }

  mutating func emitBlockComment(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.count <= 1 {
      doc.text(text)
      return
    }
    let lastTrimmed = trimLeft(lines[lines.count - 1])
    let standaloneClose = lastTrimmed.hasPrefix("*/") && trimRight(lastTrimmed) == "*/"
    var minIndent = -1
    var prefix: UInt8 = 0
    var prefixSet = false
    for line in lines.dropFirst() {
      let trimmed = trimLeft(line)
      if trimmed.isEmpty || trimmed == "*/" { continue }
      let indent = visualIndent(line)
      if minIndent < 0 || indent < minIndent { minIndent = indent }
      let ch = trimmed.utf8.first!
      if isCommentPrefix(ch) {
        if !prefixSet {
          prefix = ch
          prefixSet = true
        } else if ch != prefix {
          prefix = 0
        }
      } else {
        prefix = 0
      }
    }
    if minIndent < 0 { minIndent = 0 }
    doc.text(trimRight(lines[0]))
    let end = standaloneClose ? lines.count - 1 : lines.count
    var pendingNewlines = 0
    var i = 1
    while i < end {
      pendingNewlines += 1
      let trimmed = trimLeft(lines[i])
      i += 1
      if trimmed.isEmpty { continue }
      let content: String
      if prefix != 0 {
        content = " " + trimRight(trimmed)
      } else {
        let line = trimRight(unindent(lines[i - 1], minIndent))
        if line.isEmpty { continue }
        content = "   " + line
      }
      doc.text(String(repeating: "\n", count: pendingNewlines))
      doc.text(content)
      pendingNewlines = 0
    }
    if standaloneClose {
      pendingNewlines += 1
      doc.text(String(repeating: "\n", count: pendingNewlines))
      doc.text(prefix == UInt8(ascii: "*") ? " */" : "*/")
    }
  }
}

func isCommentPrefix(_ ch: UInt8) -> Bool {
  ch >= 33 && ch <= 126
    && !((ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57))
}

func visualIndent(_ line: String) -> Int {
  var indent = 0
  for b in line.utf8 {
    switch b {
    case 32: indent += 1
    case 9: indent += 8 - indent % 8
    default: return indent
    }
  }
  return indent
}

func unindent(_ line: String, _ n: Int) -> String {
  var pos = 0
  let u = Array(line.utf8)
  var i = 0
  while i < u.count {
    if pos == n { return String(decoding: u[i...], as: UTF8.self) }
    if pos > n { return String(repeating: " ", count: pos - n) + String(decoding: u[i...], as: UTF8.self) }
    switch u[i] {
    case 32: pos += 1
    case 9: pos += 8 - pos % 8
    default: return String(decoding: u[i...], as: UTF8.self)
    }
    i += 1
  }
  return ""
}

func trimRight(_ s: String) -> String {
  var u = Array(s.utf8)
  while let l = u.last, l == 32 || l == 9 { u.removeLast() }
  return String(decoding: u, as: UTF8.self)
}

func trimLeft(_ s: String) -> String {
  let u = s.utf8
  var i = u.startIndex
  while i < u.endIndex, u[i] == 32 || u[i] == 9 { i = u.index(after: i) }
  return String(s[i...])
}

extension String {
  func replacingOccurrences(_ target: String, with replacement: String) -> String {
    let u = Array(utf8)
    let tg = Array(target.utf8)
    var out: [UInt8] = []
    var i = 0
    while i < u.count {
      if i + tg.count <= u.count && Array(u[i..<(i + tg.count)]) == tg {
        out.append(contentsOf: replacement.utf8)
        i += tg.count
      } else {
        out.append(u[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
