/// Metadata every lint or breaking rule carries, in its own file: its id, the categories
/// it belongs to, a one-line purpose and the examples that double as its tests. What
/// each category means is one table per check kind (``RuleCatalog``).
public struct RuleInfo: Sendable, Hashable {
  /// UPPER_SNAKE id, as buf spells it (`FIELD_LOWER_SNAKE_CASE`).
  public let id: String
  /// The categories the rule belongs to (buf's membership for buf's rules), in the order
  /// of the catalog's category table; empty for rules only selected by id.
  public let categories: [String]
  /// One sentence saying what the rule checks.
  public let purpose: String
  /// Schemas the rule accepts and schemas it reports, with the findings expected.
  public let examples: [RuleExample]
  /// Deprecated rules are accepted in configs but not listed by default.
  public let deprecated: Bool

  public init(
    id: String, categories: [String], purpose: String, examples: [RuleExample], deprecated: Bool = false
  ) {
    self.id = id
    self.categories = categories
    self.purpose = purpose
    self.examples = examples
    self.deprecated = deprecated
  }

  /// A lint rule's metadata from its accepted (`good`) and rejected (`bad`) sources.
  public init(
    id: String, categories: [String], purpose: String, good: [String] = [], bad: [String] = [],
    deprecated: Bool = false
  ) {
    self.init(
      id: id, categories: categories, purpose: purpose,
      examples: good.map { RuleExample(source: $0) } + bad.map { RuleExample(source: $0) }, deprecated: deprecated)
  }

  /// Examples that must produce no finding.
  public var good: [RuleExample] { examples.filter(\.isGood) }
  /// Examples that must produce findings.
  public var bad: [RuleExample] { examples.filter { !$0.isGood } }
}

/// One example of a rule, in the one notation lint and breaking share.
///
/// `source` is a complete `.proto` file (more files follow `// file: path` lines; the
/// first defaults to `acme/v1/example.proto`). A `↓` marks where an expected finding
/// starts (the marker is removed before compiling); an example without markers and
/// messages must produce no finding. A breaking example also has the `previous`
/// schema (same notation, no markers) that `source` replaces. `messages` are the exact
/// texts expected (every finding's, in any order; empty for lint examples that only
/// check positions). A finding without a position in the current schema (a deleted
/// file, buf's `<input>`) has a message and no marker.
public struct RuleExample: Sendable, Hashable {
  /// The schema before the change (breaking rules); nil for lint.
  public let previous: String?
  /// The schema checked (lint) or the schema after the change (breaking).
  public let source: String
  /// Every expected finding's message.
  public let messages: [String]

  public init(previous: String? = nil, source: String, messages: [String] = []) {
    self.previous = previous
    self.source = source
    self.messages = messages
  }

  /// A breaking example: `previous` changed into `current`, reported with `messages`
  /// (none: the change is allowed).
  public static func change(from previous: String, to current: String, _ messages: [String] = []) -> RuleExample {
    RuleExample(previous: previous, source: current, messages: messages)
  }

  /// Whether the example must produce no finding.
  public var isGood: Bool { messages.isEmpty && !source.contains("↓") }
}

/// A named group of rules (`STANDARD`, `FILE`, `HTTP`): a row of a catalog's category
/// table. Its members are the rules that name it (``RuleInfo/categories``).
public struct CategoryInfo: Sendable, Hashable {
  public let id: String
  public let purpose: String
  /// Rule ids in this category, in catalog order (filled in by ``RuleCatalog``).
  public let ruleIDs: [String]
  public let deprecated: Bool

  /// A category table row; the catalog collects its members from the rules.
  public init(id: String, purpose: String, deprecated: Bool = false) {
    self.init(id: id, purpose: purpose, ruleIDs: [], deprecated: deprecated)
  }

  init(id: String, purpose: String, ruleIDs: [String], deprecated: Bool) {
    self.id = id
    self.purpose = purpose
    self.ruleIDs = ruleIDs
    self.deprecated = deprecated
  }
}

extension RuleExample {
  /// Where a `↓` marker stood: the 1-based line and UTF-8 column of the next character.
  public struct Marker: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
      self.file = file
      self.line = line
      self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
  }

  /// The first file's path when an example has no `// file:` line.
  public static let defaultFile = "acme/v1/example.proto"

  /// Splits example text into files (`// file: path` lines start one) and removes the
  /// `↓` markers, returning where each was.
  public static func split(_ text: String) -> (files: [(path: String, text: String)], markers: Set<Marker>) {
    var files: [(String, [String])] = []
    var markers = Set<Marker>()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("// file: ") {
        files.append((String(line.dropFirst("// file: ".count)), []))
        continue
      }
      if files.isEmpty { files.append((defaultFile, [])) }
      var text = String(line)
      while let r = text.range(of: "↓") {
        let column = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound.samePosition(in: text.utf8)!) + 1
        markers.insert(Marker(file: files[files.count - 1].0, line: files[files.count - 1].1.count + 1, column: column))
        text.removeSubrange(r)
      }
      files[files.count - 1].1.append(text)
    }
    return (files.map { ($0.0, $0.1.joined(separator: "\n")) }, markers)
  }
}
