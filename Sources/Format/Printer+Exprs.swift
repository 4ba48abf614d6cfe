/// Paths, values, option lists and aggregate literals. Recursion follows bracket nesting,
/// which `FormatTokens` bounds.
extension Printer {
  mutating func printPath(_ path: [Int], _ gap: Gap) {
    guard !path.isEmpty else { return }
    let saved = ctx
    ctx.lineToBlock = true
    if ctx.pathInValueContext {
      ctx.pathInValueContext = false
    } else {
      ctx.trailingBlockOnNewLine = false
    }
    defer { ctx = saved }
    for (i, tok) in path.enumerated() {
      let g: Gap = i == 0 ? gap : .preserve
      if t.isFused(tok) && t.isSymbol(tok, "(") {
        let close = Int(t.match[tok])
        let slots = trivia.scope(tok)
        printToken(tok, g)
        emitSlot(slots, 0)
        var r = DeclReader(items: children(tok), t: t)
        printPath(r.readPath(), .preserveTight)
        emitSlot(slots, 1)
        printToken(close, .preserve)
      } else {
        printToken(tok, g)
      }
    }
  }

  mutating func printExpr(_ e: Expr, _ gap: Gap) {
    switch e {
    case .literal(let tok):
      if t.isFused(tok) { printCompoundString(tok) } else { printToken(tok, gap) }
    case .path(let p): printPath(p, gap)
    case .prefixed(let prefixes, let inner):
      var g = gap
      for p in prefixes {
        printToken(p, g)
        g = .none
      }
      if let f = inner.firstToken(), trivia.hasComment(trivia.attached[f].leading) { g = .space }
      printExpr(inner, g)
    case .range(let a, let to, let b):
      printExpr(a, gap)
      printToken(to, .space)
      printExpr(b, .space)
    case .array(let open): printArray(open, gap)
    case .dict(let open): printDict(open, gap)
    }
  }

  mutating func printCompoundString(_ open: Int) {
    let close = Int(t.match[open])
    let slots = trivia.scope(open)
    let parts = children(open)
    let vertical = t.lines[open] != t.lines[close]
    let indented = ctx.indentExpr
    let saved = ctx
    ctx.lineToBlock = false
    ctx.trailingBlockOnNewLine = !vertical
    ctx.pairLeadingBlock = false
    let body: (inout Printer) -> Void = { p in
      p.printToken(open, .newline)
      for (i, part) in parts.enumerated() {
        p.emitSlot(slots, i)
        p.printToken(part, .newline)
      }
      p.emitRemainingSlots(slots, from: parts.count)
      let att = p.trivia.attached[close]
      p.appendPending(att.leading)
      p.emitTrivia(.newline)
      p.doc.text(p.t.text(close))
      p.ctx = saved
      p.emitTrailing(att.trailing)
    }
    if indented { withIndent(body) } else { body(&self) }
    ctx = saved
  }

  /// Splits bracket contents at top-level commas: elements and the comma after each.
  func commaList(_ open: Int) -> [(items: [Int], comma: Int?)] {
    var out: [(items: [Int], comma: Int?)] = []
    var cur: [Int] = []
    for c in children(open) {
      if t.isSymbol(c, ",") {
        out.append((cur, c))
        cur = []
      } else {
        cur.append(c)
      }
    }
    if !cur.isEmpty { out.append((cur, nil)) }
    return out
  }

  mutating func printArray(_ open: Int, _ gap: Gap, isKey: Bool = false) {
    let outerLineToBlock = ctx.lineToBlock
    let saved = ctx
    ctx.lineToBlock = false
    ctx.indentExpr = false
    defer { ctx = saved }
    let close = Int(t.match[open])
    let slots = trivia.scope(open)
    let elements = commaList(open)
    // A bracketed key (`[ext.name]`) also breaks for comments attached inside it.
    let hasComments =
      slots.slots.contains { trivia.hasComment($0) } || (isKey && scopeHasAttachedComments(open))
    func closeMods(_ p: inout Printer) {
      p.ctx.lineToBlock = outerLineToBlock
      if outerLineToBlock { p.ctx.trailingBlockOnNewLine = false }
    }
    if elements.isEmpty && !hasComments {
      printToken(open, gap)
      let s = ctx
      closeMods(&self)
      printToken(close, .none)
      ctx = s
      return
    }
    let wantBroken = hasComments || elements.count >= 2 || elements.contains { isAggregate($0.items) }
    if !wantBroken {
      printToken(open, gap)
      withGroup { p in
        p.withIndent { p in
          p.doc.softbreak()
          for (i, el) in elements.enumerated() {
            p.emitSlot(slots, i)
            var g = Gap.none
            if i > 0, let c = elements[i - 1].comma {
              p.printToken(c, .none)
              g = .softline
            }
            p.printElement(el.items, g)
          }
          p.emitSlot(slots, elements.count)
        }
        p.doc.softbreak()
      }
      let s = ctx
      closeMods(&self)
      printToken(close, .none)
      ctx = s
      return
    }
    let cc = closeComments(close)
    ctx.trailingBlockOnNewLine = true
    ctx.pairLeadingBlock = true
    printToken(open, gap)
    withIndent { p in
      for (i, el) in elements.enumerated() {
        if i > 0, let c = elements[i - 1].comma {
          let s = p.ctx
          p.ctx.trailingBlockOnNewLine = false
          p.printToken(c, .inline)
          p.ctx = s
        }
        p.emitSlot(slots, i)
        let g: Gap = i > 0 && slots.hasBlankBefore(i) ? .blankline : .newline
        let s = p.ctx
        p.ctx.pathInValueContext = true
        p.printElement(el.items, g)
        p.ctx = s
      }
      // A trailing comma (text format allows one) keeps its comments.
      if let last = elements.last, let c = last.comma { p.emitCommaTrivia(c) }
      p.emitSlot(slots, elements.count)
      if cc != nil { p.emitCloseComments(cc, blankBeforeClose: slots.blankBeforeClose) }
    }
    let s = ctx
    closeMods(&self)
    emitCloseTok(close, "]", cc)
    ctx = s
  }

  /// One list element: exactly one value.
  mutating func printElement(_ items: [Int], _ gap: Gap) {
    var r = DeclReader(items: items, t: t)
    guard let e = r.readExpr(), r.pos == items.count else {
      markMalformed(items.first)
      return
    }
    printExpr(e, gap)
  }

  /// Message-literal fields: `key [:] value [,|;]`.
  /// A field is `name: scalar`, `name: [..]`, `name [:] {..}` or `[ext] ...`.
  func validField(key: [Int], colon: Int?, value: [Int]) -> Bool {
    guard let k = key.first, !value.isEmpty else { return false }
    if key.count == 1 && t.isFused(k) && t.isSymbol(k, "[") {
      // ok
    } else if t.kinds[k] != .identifier {
      return false
    }
    var r = DeclReader(items: value, t: t)
    guard let e = r.readExpr(), r.pos == value.count else { return false }
    if colon == nil {
      if case .dict = e { return true }
      if case .array = e { return true }
      return false
    }
    return true
  }

  func dictFields(_ open: Int) -> (
    fields: [(key: [Int], colon: Int?, value: [Int], comma: Int?)], malformed: Int?
  ) {
    var out: [(key: [Int], colon: Int?, value: [Int], comma: Int?)] = []
    let items = children(open)
    if items.isEmpty { return (out, nil) }
    var i = 0
    while i < items.count {
      var key: [Int] = []
      var colon: Int? = nil
      var value: [Int] = []
      var comma: Int? = nil
      // Key: a bracketed name or a path.
      if t.isFused(items[i]) && t.isSymbol(items[i], "[") {
        key = [items[i]]
        i += 1
      } else {
        var r = DeclReader(items: Array(items[i...]), t: t)
        key = r.readPath()
        if key.isEmpty {
          key = [items[i]]
          r.pos = 1
        }
        i += r.pos
      }
      if i < items.count && t.isSymbol(items[i], ":") {
        colon = items[i]
        i += 1
      }
      // Value: everything up to a separator or the next key.
      var r = DeclReader(items: Array(items[i...]), t: t)
      if i < items.count && !t.isSymbol(items[i], ",") && !t.isSymbol(items[i], ";") {
        _ = r.readExpr()
        if r.pos == 0 { r.pos = 1 }
        value = Array(items[i..<(i + r.pos)])
        i += r.pos
      }
      if i < items.count && (t.isSymbol(items[i], ",") || t.isSymbol(items[i], ";")) {
        comma = items[i]
        i += 1
      }
      out.append((key, colon, value, comma))
      if !validField(key: key, colon: colon, value: value) { return (out, key.first ?? value.first ?? items[0]) }
    }
    return (out, nil)
  }

  mutating func printExprField(
    _ f: (key: [Int], colon: Int?, value: [Int], comma: Int?), _ gap: Gap
  ) {
    var first = true
    if !f.key.isEmpty {
      if f.key.count == 1 && t.isFused(f.key[0]) && t.isSymbol(f.key[0], "[") {
        printArray(f.key[0], gap, isKey: true)
      } else {
        printPath(f.key, gap)
      }
      first = false
    }
    if let colon = f.colon {
      var g = Gap.inline
      if endsWithInlineBlockComment(trivia.attached[colon].leading) { g = .space }
      printToken(colon, g)
    } else if !f.key.isEmpty && !f.value.isEmpty {
      doc.text(":")
    }
    if !f.value.isEmpty {
      let g: Gap = first ? gap : .space
      let s = ctx
      ctx.indentExpr = true
      ctx.pathInValueContext = true
      var r = DeclReader(items: f.value, t: t)
      if let e = r.readExpr() {
        printExpr(e, g)
      } else {
        for v in f.value { printToken(v, g) }
      }
      ctx = s
    }
  }

  /// Whether a value is one array or message literal.
  func isAggregate(_ items: [Int]) -> Bool {
    guard items.count == 1, t.isFused(items[0]) else { return false }
    return t.isSymbol(items[0], "[") || t.isSymbol(items[0], "{") || t.isSymbol(items[0], "<")
  }

  func endsWithInlineBlockComment(_ r: Range<Int>) -> Bool {
    var ends = false
    for i in r {
      switch t.kinds[i] {
      case .blockComment: ends = true
      case .lineComment: ends = false
      case .newline: ends = false
      default: break
      }
    }
    return ends
  }

  func blankLineBetween(_ prevEnd: Int, _ nextStart: Int) -> Bool {
    var afterNewline = false
    var i = Int(t.ends[prevEnd])
    let end = Int(t.starts[nextStart])
    while i < end {
      switch t.bytes[i] {
      case 10:
        if afterNewline { return true }
        afterNewline = true
      case 32, 9: break
      default: afterNewline = false
      }
      i += 1
    }
    return false
  }

  func lastToken(_ items: [Int]) -> Int? {
    guard let l = items.last else { return nil }
    return t.isFused(l) ? Int(t.match[l]) : l
  }

  mutating func printDict(_ open: Int, _ gap: Gap) {
    let outerLineToBlock = ctx.lineToBlock
    let saved = ctx
    ctx.lineToBlock = false
    ctx.indentExpr = false
    defer { ctx = saved }
    let close = Int(t.match[open])
    let scope = trivia.scope(open)
    let (fields, bad) = dictFields(open)
    if let bad { markMalformed(bad) }
    func closeMods(_ p: inout Printer) {
      p.ctx.lineToBlock = outerLineToBlock
      if outerLineToBlock { p.ctx.trailingBlockOnNewLine = false }
    }
    var hasComments = scope.slots.contains { trivia.hasComment($0) }
    if !hasComments { hasComments = scopeHasAttachedComments(open) }
    if fields.isEmpty && !hasComments {
      printTokenAs(open, gap, "{")
      let s = ctx
      closeMods(&self)
      printTokenAs(close, .none, "}")
      ctx = s
      return
    }
    // buf also breaks a literal holding a nested literal, however short.
    let wantBroken = hasComments || fields.count >= 2 || fields.contains { isAggregate($0.value) }
    if !wantBroken {
      printTokenAs(open, gap, "{")
      withGroup { p in
        p.withIndent { p in
          p.doc.softbreak()
          for (i, f) in fields.enumerated() {
            p.emitSlot(scope, i)
            p.printExprField(f, i > 0 ? .softline : .none)
            p.emitCommaTrivia(f.comma)
          }
          p.emitSlot(scope, fields.count)
        }
        p.doc.softbreak()
      }
      let s = ctx
      closeMods(&self)
      printTokenAs(close, .none, "}")
      ctx = s
      return
    }
    let cc = closeComments(close)
    ctx.trailingBlockOnNewLine = true
    ctx.pairLeadingBlock = false
    let ot = openTrailing(open)
    if ot != nil {
      appendPending(trivia.attached[open].leading)
      emitTrivia(gap)
      doc.text("{")
    } else {
      printTokenAs(open, gap, "{")
    }
    withIndent { p in
      if let ot {
        p.appendPending(ot)
        p.emitTrivia(.newline)
      }
      for (i, f) in fields.enumerated() {
        p.emitSlot(scope, i)
        var g = Gap.newline
        if i > 0 {
          let prev = fields[i - 1]
          if scope.hasBlankBefore(i) {
            g = .blankline
          } else if let pe = p.lastToken(prev.value.isEmpty ? prev.key : prev.value),
            let ns = f.key.first ?? f.value.first, p.blankLineBetween(pe, ns)
          {
            g = .blankline
          }
        }
        let valueIsAggregate = p.isAggregate(f.value)
        let s = p.ctx
        if valueIsAggregate { p.ctx.lineToBlock = true }
        p.printExprField(f, g)
        p.ctx.trailingBlockOnNewLine = false
        p.emitCommaTrivia(f.comma)
        p.ctx = s
      }
      p.emitSlot(scope, fields.count)
      if cc != nil { p.emitCloseComments(cc, blankBeforeClose: scope.blankBeforeClose) }
    }
    let s = ctx
    closeMods(&self)
    emitCloseTok(close, "}", cc)
    ctx = s
  }

  /// `[name = value, ...]` after a field, enum value or range.
  mutating func printCompactOptions(_ open: Int) {
    let close = Int(t.match[open])
    let slots = trivia.scope(open)
    let entries = commaList(open)
    func firstKeyHasLeadingComment() -> Bool {
      guard let f = entries.first?.items.first else { return false }
      return trivia.hasComment(trivia.attached[f].leading)
    }
    let forceExpand =
      openTrailing(open) != nil || slots.slots.contains { trivia.hasComment($0) }
      || scopeHasUninlineableLeadingComments(open) || firstKeyHasLeadingComment()
    let wantBroken = forceExpand || entries.count >= 2
    func printEntry(_ p: inout Printer, _ items: [Int], _ gap: Gap, valueCtx: (inout Printer) -> Void) {
      var r = DeclReader(items: items, t: p.t)
      p.printPath(r.readPath(), gap)
      if let eq = r.take("=") {
        p.printToken(eq, .space)
        let s = p.ctx
        valueCtx(&p)
        if let e = r.readExpr() { p.printExpr(e, .space) }
        p.ctx = s
      }
      if r.pos != items.count { p.markMalformed(items.first) }
    }
    if !wantBroken && entries.count == 1 {
      let saved = ctx
      ctx.lineToBlock = true
      printToken(open, .space)
      emitSlot(slots, 0)
      printEntry(&self, entries[0].items, .none) { $0.ctx.indentExpr = true }
      emitSlot(slots, 1)
      emitTrivia(.none)
      printToken(close, .none)
      ctx = saved
      return
    }
    if !wantBroken {
      printToken(open, .space)
      withGroup { p in
        p.withIndent { p in
          p.doc.softbreak()
          p.emitSlot(slots, 0)
        }
        p.doc.softbreak()
      }
      printToken(close, .none)
      return
    }
    let saved = ctx
    defer { ctx = saved }
    ctx.trailingBlockOnNewLine = true
    ctx.pairLeadingBlock = false
    printToken(open, .space)
    let cc = closeComments(close)
    withIndent { p in
      for (i, entry) in entries.enumerated() {
        if i > 0, let c = entries[i - 1].comma {
          let s = p.ctx
          p.ctx.trailingBlockOnNewLine = false
          p.printToken(c, .inline)
          p.ctx = s
        }
        p.emitSlot(slots, i)
        let g: Gap = i > 0 && slots.hasBlankBefore(i) ? .blankline : .newline
        printEntry(&p, entry.items, g) {
          $0.ctx.indentExpr = true
          $0.ctx.pathInValueContext = true
        }
      }
      p.emitSlot(slots, entries.count)
      if cc != nil { p.emitCloseComments(cc, blankBeforeClose: slots.blankBeforeClose) }
    }
    emitTrivia(.none)
    emitCloseTok(close, "]", cc)
  }
}
