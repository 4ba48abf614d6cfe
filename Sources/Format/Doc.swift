/// The layout document buf's formatter renders (protocompile's `dom`): text, spaces and
/// breaks that merge (the wider wins; a break swallows a space), groups that render
/// flat unless something inside them contains a newline, and indentation. The tree is
/// kept as a flat tag list with begin/end markers so layout and printing are loops.
struct Doc {
  enum Cond: UInt8 { case always, flat, broken }
  enum Tag {
    case text(String)
    /// A `//` comment: whatever follows starts on a new line.
    case lineComment(String)
    case space(Int, Cond)
    case brk(Int, Cond)
    case groupStart
    case groupEnd
    case indentStart
    case indentEnd
  }

  var tags: [Tag] = []

  mutating func text(_ s: String, _ cond: Cond = .always) {
    if s.isEmpty { return }
    if s.utf8.allSatisfy({ $0 == 32 }) {
      tags.append(.space(s.utf8.count, cond))
    } else if s.utf8.allSatisfy({ $0 == 10 }) {
      tags.append(.brk(s.utf8.count, cond))
    } else {
      tags.append(.text(s))
    }
  }
  mutating func lineComment(_ s: String) { tags.append(.lineComment(s)) }
  mutating func space() { tags.append(.space(1, .always)) }
  mutating func newline() { tags.append(.brk(1, .always)) }
  mutating func blankline() { tags.append(.brk(2, .always)) }
  /// A newline only when the enclosing group is broken.
  mutating func softbreak() { tags.append(.brk(1, .broken)) }
  /// A space when flat, a newline when broken.
  mutating func softline() {
    tags.append(.space(1, .flat))
    tags.append(.brk(1, .broken))
  }

  /// Renders the document; `indent` spaces per level.
  func render(indent: Int = 2) -> String {
    // Pass 1: which groups break (any newline inside that renders when flat).
    var broken = [Bool](repeating: false, count: tags.count)
    var stack: [Int] = []
    var anyNewline = false  // at top level (unused)
    for (i, tag) in tags.enumerated() {
      switch tag {
      case .groupStart: stack.append(i)
      case .groupEnd:
        if let g = stack.popLast(), broken[g], let parent = stack.last { broken[parent] = true }
      case .brk(_, let cond) where cond != .broken:
        if let g = stack.last { broken[g] = true } else { anyNewline = true }
      case .text(let s) where s.utf8.contains(10):
        if let g = stack.last { broken[g] = true }
      case .lineComment:
        if let g = stack.last { broken[g] = true }
      default: break
      }
    }
    _ = anyNewline
    // Pass 2: print.
    var out: [UInt8] = []
    out.reserveCapacity(tags.count * 8)
    var conds: [Cond] = [.broken]
    var level = 0
    var spaces = 0
    var newlines = 0
    for (i, tag) in tags.enumerated() {
      let cur = conds[conds.count - 1]
      switch tag {
      case .text(let s), .lineComment(let s):
        if newlines > 0 {
          out.append(contentsOf: repeatElement(10, count: newlines))
          out.append(contentsOf: repeatElement(32, count: level * indent))
        } else if spaces > 0 {
          out.append(contentsOf: repeatElement(32, count: spaces))
        }
        newlines = 0
        spaces = 0
        out.append(contentsOf: s.utf8)
        if case .lineComment = tag { newlines = 1 }
      case .space(let n, let cond):
        if cond == .always || cond == cur { spaces = max(spaces, n) }
      case .brk(let n, let cond):
        if cond == .always || cond == cur { newlines = max(newlines, n) }
      case .groupStart: conds.append(broken[i] ? .broken : .flat)
      case .groupEnd: conds.removeLast()
      case .indentStart:
        conds.append(cur)
        level += 1
      case .indentEnd:
        conds.removeLast()
        level -= 1
      }
    }
    if out.last != 10 { out.append(10) }
    return String(decoding: out, as: UTF8.self)
  }
}
