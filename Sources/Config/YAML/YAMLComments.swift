// The comments of a YAML file, tied to the keys and list items they belong to. Structure
// comes from Yams' node positions only: a comment line is attached to the next node that
// starts after it, and the text after the last scalar of a line is the only place a
// trailing `#` can be (scalars, including quoted ones, are skipped by their positions).
import Yams

/// Comments of one YAML document, by node path (`lint.use`, `plugins[2].out`).
struct YAMLComments {
  /// Comments before the first key (the file's header) and after the last one.
  var header: [String] = []
  var footer: [String] = []
  /// Whole-line comments written above a key or list item.
  var leading: [(path: String, text: String)] = []
  /// A comment after a key or item on its own line.
  var trailing: [(path: String, text: String)] = []
  /// Every key and list item with its line, in document order.
  var anchors: [(path: String, line: Int)] = []
  /// The scalar values by path, for naming what a conversion changed.
  var scalars: [String: String] = [:]

  /// Reads the comments of `text`; a file Yams cannot read has none to keep.
  init(_ text: String) {
    guard let root = try? Yams.compose(yaml: text) else { return }
    // Lines without a CRLF file's `\r`, so a comment never carries it into sebuf.yaml.
    // (Split by scalars: a String keeps "\r\n" as one Character, which "\n" would not match.)
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      Array($0.reversed().drop { $0 == "\r" }.reversed())
    }
    // Anchors in document order, and for each line the scalar column after which a comment may start.
    var scalarEnd: [Int: Int] = [:]
    var blockLines = Set<Int>()
    var stack: [(node: Node, path: String)] = [(root, "")]
    while let (node, path) = stack.popLast() {
      switch node {
      case .scalar(let s):
        if path != "\u{0}" { scalars[path] = s.string }
        guard let m = s.mark else { continue }
        if s.style == .literal || s.style == .folded {
          // A block scalar's body (the lines indented past the line it starts on, and blank
          // ones) is content, not comments.
          let indent = m.line <= lines.count ? lines[m.line - 1].prefix { $0 == " " }.count : 0
          var n = m.line + 1
          while n <= lines.count {
            let l = lines[n - 1]
            let blank = l.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            guard blank || l.prefix(while: { $0 == " " }).count > indent else { break }
            blockLines.insert(n)
            n += 1
          }
        } else if !s.string.contains("\n") {
          let end = Self.scalarEnd(lines, m.line, m.column, s.style)
          scalarEnd[m.line] = max(scalarEnd[m.line] ?? 0, end)
        }
      case .mapping(let map):
        var children: [(Node, String)] = []
        for (k, v) in map {
          let key = k.string ?? "?"
          let p = path.isEmpty ? key : path + "." + key
          if let m = k.mark { anchors.append((p, m.line)) }
          children.append((k, "\u{0}"))
          children.append((v, p))
        }
        stack += children.reversed()
      case .sequence(let seq):
        var children: [(Node, String)] = []
        for (i, item) in seq.enumerated() {
          let p = path + "[\(i)]"
          if let m = item.mark { anchors.append((p, m.line)) }
          children.append((item, p))
        }
        stack += children.reversed()
      case .alias:
        continue
      }
    }
    anchors.sort { $0.line < $1.line }  // stable: outer node first on a shared line
    var next = 0
    var pending: [String] = []
    for (i, line) in lines.enumerated() {
      let n = i + 1
      while next < anchors.count && anchors[next].line < n { next += 1 }
      guard !blockLines.contains(n) else { continue }
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.first == "#" {
        let comment = String(String.UnicodeScalarView(trimmed))
        if next == 0 { header.append(comment) } else { pending.append(comment) }
        continue
      }
      if next < anchors.count && anchors[next].line == n {
        leading += pending.map { (anchors[next].path, $0) }
        pending = []
      }
      guard let c = Self.trailingComment(line, after: scalarEnd[n] ?? 1) else { continue }
      // The innermost node that starts on this line, else the node this line continues.
      var owner = next < anchors.count && anchors[next].line == n ? next : next - 1
      while owner + 1 < anchors.count && anchors[owner + 1].line == n { owner += 1 }
      if owner >= 0 { trailing.append((anchors[owner].path, c)) } else { header.append(c) }
    }
    footer = pending
  }

  /// The 1-based scalar column just after a scalar written at `column` on `line`.
  private static func scalarEnd(_ lines: [[Unicode.Scalar]], _ line: Int, _ column: Int, _ style: Node.Scalar.Style)
    -> Int
  {
    guard line >= 1, line <= lines.count else { return column }
    let l = lines[line - 1]
    var i = column - 1
    switch style {
    case .doubleQuoted:
      i += 1
      while i < l.count && l[i] != "\"" { i += l[i] == "\\" ? 2 : 1 }
      return i + 2
    case .singleQuoted:
      i += 1
      while i < l.count {
        if l[i] == "'" {
          if i + 1 < l.count && l[i + 1] == "'" { i += 2 } else { break }
        } else {
          i += 1
        }
      }
      return i + 2
    default:
      // A plain scalar ends before ` #`, `: ` or a flow indicator; its value is on this line.
      while i < l.count {
        if l[i] == "#" && i > 0 && (l[i - 1] == " " || l[i - 1] == "\t") { break }
        if [",", "]", "}"].contains(l[i]) { break }
        if l[i] == ":" && (i + 1 == l.count || l[i + 1] == " ") { break }
        i += 1
      }
      return i + 1
    }
  }

  /// The `# …` after the last scalar of a line, if any.
  private static func trailingComment(_ line: [Unicode.Scalar], after column: Int) -> String? {
    var i = max(0, column - 1)
    while i < line.count {
      if line[i] == "#" && (i == 0 || line[i - 1] == " " || line[i - 1] == "\t") {
        return String(String.UnicodeScalarView(line[i...]))
      }
      i += 1
    }
    return nil
  }
}
