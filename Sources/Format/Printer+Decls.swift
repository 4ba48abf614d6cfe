/// Declarations: the file's canonical order, scopes, bodies and each declaration kind.
extension Printer {
  enum Rank: Int { case syntax, package, `import`, option, body }

  func rank(_ first: Int) -> Rank {
    guard t.kinds[first] == .identifier else { return .body }
    switch t.text(first) {
    case "syntax", "edition": return .syntax
    case "package": return .package
    case "import": return .import
    case "option": return .option
    default: return .body
    }
  }

  /// Non-trivia items of a declaration.
  func declItems(_ d: (first: Int, last: Int)) -> [Int] {
    t.items(d.first, d.last + 1).filter { !t.isSkippable($0) }
  }

  /// The key buf sorts imports and file options by.
  func sortKey(_ d: (first: Int, last: Int), _ r: Rank) -> String {
    let items = declItems(d)
    switch r {
    case .import:
      var i = 1
      while i < items.count && t.kinds[items[i]] == .identifier { i += 1 }
      guard i < items.count, t.kinds[items[i]] == .string else { return "" }
      // A fused string sorts by its first part's text, as buf's does.
      return t.text(items[i])
    case .option:
      // The option's name without spaces or comments, extensions first ("1"). buf 1.75
      // sorts a name written with spaces inside by its plain parts only and so reorders
      // again on the next run; sorting by the whole name keeps formatting idempotent.
      var name = ""
      var i = 1
      var extensionFirst = false
      while i < items.count && !t.isSymbol(items[i], "=") && !t.isSymbol(items[i], ";") {
        let it = items[i]
        if t.isFused(it) {
          if name.isEmpty || name == "." { extensionFirst = true }
          name += "(" + children(it).map { t.text($0) }.joined() + ")"
        } else {
          name += t.text(it)
        }
        i += 1
      }
      return (extensionFirst ? "1" : "0") + name
    default: return ""
    }
  }

  mutating func printFile() {
    let scope = trivia.scope(TriviaIndex.root)
    if scope.decls.isEmpty && !scope.slots.contains(where: { trivia.hasComment($0) }) { return }
    let ranks = scope.decls.map { rank($0.first) }
    let keys = scope.decls.indices.map { sortKey(scope.decls[$0], ranks[$0]) }
    let order = scope.decls.indices.sorted { a, b in
      if ranks[a] != ranks[b] { return ranks[a].rawValue < ranks[b].rawValue }
      if ranks[a] == .import || ranks[a] == .option, keys[a] != keys[b] {
        return keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8)
      }
      return a < b
    }
    printScopeDecls(scope, order: order, file: true, ranks: ranks)
    var endGap = Gap.none
    if !scope.decls.isEmpty || pendingHasComments {
      endGap = .newline
      if scope.blankBeforeClose && pendingHasComments { endGap = .blankline }
    }
    emitTrivia(endGap)
  }

  mutating func printScopeDecls(_ scope: TriviaIndex.Detached, order: [Int], file: Bool, ranks: [Rank]) {
    var lastSrc = -1
    for (i, src) in order.enumerated() {
      if src > lastSrc {
        for s in (lastSrc + 1)...src { emitSlot(scope, s) }
        lastSrc = src
      }
      var gap = Gap.newline
      if i == 0 {
        gap = file ? .none : .newline
      } else if file {
        let prev = ranks[order[i - 1]]
        let curr = ranks[src]
        if prev != curr && (curr == .import || curr == .option) {
          gap = .blankline
        } else if prev == .syntax && curr != .package {
          gap = .blankline
        } else if curr == .import || curr == .option {
          gap = .newline
        } else if scope.hasBlankBefore(src) {
          gap = .blankline
        }
      } else if scope.hasBlankBefore(src) {
        gap = .blankline
      }
      printDecl(scope.decls[src], gap)
    }
    emitRemainingSlots(scope, from: lastSrc + 1)
  }

  mutating func printDecl(_ d: (first: Int, last: Int), _ gap: Gap) {
    let items = declItems(d)
    guard let first = items.first else { return }
    if items.count == 1 && t.isSymbol(first, ";") {
      // An empty declaration prints nothing, but its comments and its gap stay (buf
      // keeps a blank line that preceded a stray `;`).
      appendPending(trivia.attached[first].leading)
      appendPending(trivia.attached[first].trailing)
      emitTrivia(gap)
      return
    }
    var r = DeclReader(items: items, t: t)
    if t.kinds[first] == .identifier {
      switch t.text(first) {
      case "syntax", "edition":
        r.pos = 1
        printToken(first, gap)
        if let eq = r.take("=") { printToken(eq, .space) }
        if let v = r.readExpr() { printExpr(v, .space) }
        finishSimple(&r)
        return
      case "package":
        r.pos = 1
        printToken(first, gap)
        printPath(r.readPath(), .space)
        finishSimple(&r)
        return
      case "import":
        r.pos = 1
        printToken(first, gap)
        while let m = r.peek, t.kinds[m] == .identifier {
          printToken(m, .space)
          r.pos += 1
        }
        if let v = r.readExpr() { printExpr(v, .space) }
        finishSimple(&r)
        return
      case "option":
        r.pos = 1
        printToken(first, gap)
        printPath(r.readPath(), .space)
        if let eq = r.take("=") {
          printToken(eq, .space)
          let saved = ctx
          ctx.lineToBlock = true
          ctx.indentExpr = true
          if let v = r.readExpr() { printExpr(v, .space) }
          ctx = saved
        }
        finishSimple(&r)
        return
      case "export", "local":
        // Edition 2024's visibility before a message or enum: the keyword, then the
        // declaration as usual.
        if items.count >= 4, t.kinds[items[1]] == .identifier, ["message", "enum"].contains(t.text(items[1])),
          let last = items.last, t.isFused(last), t.isSymbol(last, "{")
        {
          r.pos = 2
          printToken(first, gap)
          printToken(items[1], .space)
          printPath(r.readPath(), .space)
          printBody(last)
          return
        }
      case "message", "enum", "service", "oneof", "extend":
        if let last = items.last, items.count >= 3, t.isFused(last), t.isSymbol(last, "{") {
          r.pos = 1
          printToken(first, gap)
          printPath(r.readPath(), .space)
          printBody(last)
          return
        }
      case "rpc":
        r.pos = 1
        printToken(first, gap)
        printPath(r.readPath(), .space)
        printSignature(&r)
        if let b = r.peek, t.isFused(b), t.isSymbol(b, "{") {
          printBody(b)
        } else {
          finishSimple(&r)
        }
        return
      case "reserved", "extensions":
        r.pos = 1
        printToken(first, gap)
        var firstRange = true
        while let n = r.peek, !t.isSymbol(n, ";"), !(t.isFused(n) && t.isSymbol(n, "[")) {
          if t.isSymbol(n, ",") {
            printToken(n, .inline)
            r.pos += 1
            continue
          }
          guard let e = r.readExpr() else { break }
          printExpr(e, .space)
          firstRange = false
        }
        _ = firstRange
        finishSimple(&r)
        return
      default: break
      }
    }
    printFieldLike(&r, gap)
  }

  /// Compact options (if any) and the semicolon.
  mutating func finishSimple(_ r: inout DeclReader) {
    if let o = r.peek, t.isFused(o), t.isSymbol(o, "[") {
      printCompactOptions(o)
      r.pos += 1
    }
    while let n = r.peek {
      r.pos += 1
      if t.isSymbol(n, ";") {
        printToken(n, .inline)
      } else {
        printToken(n, .space)  // not expected in a file that parsed
      }
    }
  }

  /// Fields, groups, enum values (and map fields): `[label] type name = tag [opts] ;|{}`.
  mutating func printFieldLike(_ r: inout DeclReader, _ gap: Gap) {
    var g = gap
    // Enum value: NAME = ...
    let isEnumValue = r.items.count >= 2 && t.isSymbol(r.items[1], "=")
    if !isEnumValue {
      while let p = r.peek, t.kinds[p] == .identifier,
        ["optional", "repeated", "required"].contains(t.text(p)),
        r.pos + 1 < r.items.count, !t.isSymbol(r.items[r.pos + 1], "=")
      {
        printToken(p, g)
        g = .space
        r.pos += 1
      }
      if let k = r.peek, t.isWord(k, "group") {
        printToken(k, g)
        g = .space
        r.pos += 1
      } else if let m = r.peek, t.isWord(m, "map"), r.pos + 1 < r.items.count,
        t.isFused(r.items[r.pos + 1]), t.isSymbol(r.items[r.pos + 1], "<")
      {
        printToken(m, g)
        printTypeArgs(r.items[r.pos + 1])
        r.pos += 2
        g = .space
      } else {
        printPath(r.readPath(), g)
        g = .space
      }
    }
    printPath(r.readPath(), g)
    if let eq = r.take("=") {
      printToken(eq, .space)
      if let v = r.readExpr() { printExpr(v, .space) }
    }
    if let o = r.peek, t.isFused(o), t.isSymbol(o, "[") {
      printCompactOptions(o)
      r.pos += 1
    }
    if let b = r.peek, t.isFused(b), t.isSymbol(b, "{") {
      printBody(b)
      r.pos += 1
    }
    finishSimple(&r)
  }

  mutating func printTypeArgs(_ open: Int) {
    let close = Int(t.match[open])
    let slots = trivia.scope(open)
    printToken(open, .preserve)
    var r = DeclReader(items: children(open), t: t)
    var i = 0
    var gap = Gap.preserve
    while r.peek != nil {
      emitSlot(slots, i)
      if i > 0, let c = r.take(",") {
        printToken(c, .inline)
        gap = .space
      }
      var g = gap
      while let p = r.peek, t.kinds[p] == .identifier, r.pos + 1 < r.items.count,
        t.kinds[r.items[r.pos + 1]] == .identifier
      {
        printToken(p, g)
        g = .space
        r.pos += 1
      }
      let before = r.pos
      printPath(r.readPath(), g)
      if r.pos == before {
        // Not a path (unexpected): print the token to keep it.
        if let n = r.peek {
          printToken(n, g)
          r.pos += 1
        }
      }
      i += 1
    }
    emitRemainingSlots(slots, from: i)
    printToken(close, .preserve)
  }

  mutating func printSignature(_ r: inout DeclReader) {
    if let open = r.peek, t.isFused(open), t.isSymbol(open, "(") {
      r.pos += 1
      printTypeList(open, openGap: .preserve)
    }
    if let ret = r.peek, t.isWord(ret, "returns") {
      r.pos += 1
      printToken(ret, .space)
      if let open = r.peek, t.isFused(open), t.isSymbol(open, "(") {
        r.pos += 1
        printTypeList(open, openGap: .space)
      }
    }
  }

  mutating func printTypeList(_ open: Int, openGap: Gap) {
    let close = Int(t.match[open])
    let slots = trivia.scope(open)
    withGroup { p in
      p.printToken(open, openGap)
      p.withIndent { p in
        p.doc.softbreak()
        var r = DeclReader(items: p.children(open), t: p.t)
        var gap = Gap.preserve
        var i = 0
        while r.peek != nil {
          p.emitSlot(slots, i)
          if i > 0, let c = r.take(",") {
            p.printToken(c, .inline)
            gap = .softline
          }
          var g = gap
          while let s = r.peek, p.t.isWord(s, "stream"), r.pos + 1 < r.items.count,
            !p.t.isSymbol(r.items[r.pos + 1], ".") || true, r.pos + 1 < r.items.count
          {
            p.printToken(s, g)
            g = .space
            r.pos += 1
          }
          let before = r.pos
          p.printPath(r.readPath(), g)
          if r.pos == before, let n = r.peek {
            p.printToken(n, g)
            r.pos += 1
          }
          i += 1
        }
        p.emitRemainingSlots(slots, from: i)
        p.doc.softbreak()
      }
      p.printToken(close, .preserve)
    }
  }

  mutating func printBody(_ open: Int) {
    let saved = ctx
    ctx.lineToBlock = false
    defer { ctx = saved }
    let close = Int(t.match[open])
    let scope = trivia.scope(open)
    printToken(open, .space)
    let cc = closeComments(close)
    if scope.decls.isEmpty && !scope.slots.contains(where: { trivia.hasComment($0) }) && cc == nil {
      printToken(close, .none)
      return
    }
    withIndent { p in
      p.printScopeDecls(scope, order: Array(scope.decls.indices), file: false, ranks: [])
      if cc != nil || p.pendingHasComments {
        p.emitCloseComments(cc, blankBeforeClose: scope.blankBeforeClose)
      }
    }
    emitCloseTok(close, "}", cc)
  }
}

/// A position in a declaration's items, with the small grammar the printer needs.
struct DeclReader {
  let items: [Int]
  let t: FormatTokens
  var pos = 0

  var peek: Int? { pos < items.count ? items[pos] : nil }

  mutating func take(_ symbol: Character) -> Int? {
    guard let p = peek, t.isSymbol(p, symbol) else { return nil }
    pos += 1
    return p
  }

  /// `[.]? component (. component)*`, component = identifier | `( path )`; `/` also
  /// separates, for type URLs in message-literal keys (`[type.googleapis.com/a.B]`).
  mutating func readPath() -> [Int] {
    var out: [Int] = []
    if let d = peek, t.isSymbol(d, ".") {
      out.append(d)
      pos += 1
    }
    while let c = peek, t.kinds[c] == .identifier || (t.isFused(c) && t.isSymbol(c, "(")) {
      out.append(c)
      pos += 1
      guard let d = peek, t.isSymbol(d, ".") || t.isSymbol(d, "/"), pos + 1 < items.count else { break }
      let n = items[pos + 1]
      guard t.kinds[n] == .identifier || (t.isFused(n) && t.isSymbol(n, "(")) else { break }
      out.append(d)
      pos += 1
    }
    return out
  }

  mutating func readExpr() -> Expr? {
    guard let p = peek else { return nil }
    let first = readRangeOperand(p)
    guard let first else { return nil }
    if let to = peek, t.isWord(to, "to"), pos + 1 < items.count {
      pos += 1
      if let end = peek.flatMap({ readRangeOperand($0) }) {
        return .range(first, to, end)
      }
      pos -= 1
    }
    return first
  }

  private mutating func readRangeOperand(_ p: Int) -> Expr? {
    // Sign prefixes are collected in a loop: aggregate text is only brace-checked by
    // the parser, so a long run of `-` must not become deep recursion.
    var prefixes: [Int] = []
    var p = p
    while t.isSymbol(p, "-") || t.isSymbol(p, "+") {
      prefixes.append(p)
      pos += 1
      guard let q = peek else { return .prefixed(Array(prefixes.dropLast()), .literal(prefixes.last!)) }
      p = q
    }
    guard let operand = readOperand(p) else {
      return prefixes.isEmpty ? nil : .prefixed(Array(prefixes.dropLast()), .literal(prefixes.last!))
    }
    return prefixes.isEmpty ? operand : .prefixed(prefixes, operand)
  }

  private mutating func readOperand(_ p: Int) -> Expr? {
    if t.isFused(p) && t.isSymbol(p, "[") {
      pos += 1
      return .array(p)
    }
    if t.isFused(p) && (t.isSymbol(p, "{") || t.isSymbol(p, "<")) {
      pos += 1
      return .dict(p)
    }
    if t.kinds[p] == .identifier || t.isSymbol(p, ".") {
      let path = readPath()
      return path.isEmpty ? nil : .path(path)
    }
    if t.kinds[p] == .string || t.kinds[p] == .number {
      pos += 1
      return .literal(p)
    }
    return nil
  }
}

indirect enum Expr {
  case literal(Int)
  case path([Int])
  case prefixed([Int], Expr)
  case range(Expr, Int, Expr)
  case array(Int)
  case dict(Int)

  func firstToken() -> Int? {
    switch self {
    case .literal(let i), .array(let i), .dict(let i): i
    case .path(let p): p.first
    case .prefixed(let i, let e): i.first ?? e.firstToken()
    case .range(let a, _, _): a.firstToken()
    }
  }
}
