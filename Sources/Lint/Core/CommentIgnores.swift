/// `// buf:lint:ignore RULE` and `// sebuf:lint:ignore RULE` comments, and their
/// breaking twins (`buf:breaking:ignore`, `sebuf:breaking:ignore`): one mechanism, two
/// prefixes.
///
/// As in buf, a line of the leading comment of the element, or of any declaration that
/// encloses it (the field's message, the method's service, …), that starts with a
/// prefix, one space and the rule id suppresses that rule there. It is a prefix match:
/// text after the id is allowed (`buf:lint:ignore A, B` ignores only A). sebuf also
/// accepts the id in any spelling (`field-lower-snake-case`).
public struct CommentIgnores: Sendable {
  /// e.g. `["buf:lint:ignore", "sebuf:lint:ignore"]`.
  public let prefixes: [String]

  public init(prefixes: [String]) { self.prefixes = prefixes }

  public static let lint = CommentIgnores(prefixes: ["buf:lint:ignore", "sebuf:lint:ignore"])
  public static let breaking = CommentIgnores(prefixes: ["buf:breaking:ignore", "sebuf:breaking:ignore"])

  /// Whether a comment on `path` or an enclosing declaration ignores `rule`;
  /// `leadingComments` reads the file's comment at a path ("" if none).
  public func isIgnored(rule: String, path: [Int32], leadingComments: ([Int32]) -> String) -> Bool {
    for p in CommentIgnores.declarationPaths(path) {
      let comment = leadingComments(p)
      if !comment.isEmpty && commentIgnores(comment, rule: rule) { return true }
    }
    return false
  }

  /// ``isIgnored(rule:path:leadingComments:)`` over a lint file's locations.
  public func isIgnored(rule: String, path: [Int32], in locations: SourceLocations) -> Bool {
    isIgnored(rule: rule, path: path) { locations.leadingComments($0) }
  }

  /// Whether one comment text contains an ignore line for `rule`.
  public func commentIgnores(_ comment: String, rule: String) -> Bool {
    for raw in comment.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = raw.trimmingSpaces()
      for prefix in prefixes where line.hasPrefix(prefix + " ") {
        let rest = line.dropFirst(prefix.count + 1)
        let word = rest.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" }
        if word.hasPrefix(rule) || RuleID.normalize(String(word)) == rule { return true }
      }
    }
    return false
  }

  /// Whether a comment is nothing but ignore directives (so it does not document).
  public func isOnlyDirectives(_ comment: String) -> Bool {
    for raw in comment.split(separator: "\n") {
      let line = raw.trimmingSpaces()
      if line.isEmpty { continue }
      if !prefixes.contains(where: { line.hasPrefix($0) }) { return false }
    }
    return true
  }

  /// The paths of `path` itself and every complete declaration enclosing it.
  ///
  /// Declarations are the elements of repeated descriptor fields: messages (`4,i`;
  /// nested `3,i`), fields (`2,i`), extensions (`7,i`; nested `6,i`), enums (`5,i`;
  /// nested `4,i`), enum values (`2,i`), services (`6,i`), methods (`2,i`), oneofs (`8,i`),
  /// imports (`3,i`), plus `package` and `syntax`.
  public static func declarationPaths(_ path: [Int32]) -> [[Int32]] {
    var out: [[Int32]] = [path]
    guard let first = path.first else { return out }
    switch first {
    case 2, 12, 14: out.append([first])
    case 3, 4, 5, 6, 7:
      if path.count >= 2 { out.append(Array(path[0..<2])) }
      guard path.count > 2 else { break }
      // Within a message/enum/service, every further (tag, index) pair that names a
      // repeated child is a declaration.
      var kind: Kind = first == 4 ? .message : first == 5 ? .enumType : first == 6 ? .service : .leaf
      var i = 2
      while i + 1 < path.count {
        let tag = path[i]
        var next: Kind? = nil
        switch (kind, tag) {
        case (.message, 2), (.message, 6): next = .leaf  // field, extension
        case (.message, 3): next = .message
        case (.message, 4): next = .enumType
        case (.message, 8): next = .leaf  // oneof
        case (.enumType, 2): next = .leaf  // value
        case (.service, 2): next = .leaf  // method
        default: next = nil
        }
        guard let n = next else { break }
        out.append(Array(path[0..<(i + 2)]))
        kind = n
        i += 2
      }
    default: break
    }
    return out
  }

  private enum Kind { case message, enumType, service, leaf }
}

extension Substring {
  func trimmingSpaces() -> Substring {
    var s = self
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
    return s
  }
}
