/// Metadata every lint or breaking rule carries: its id, a one-line purpose and the
/// examples that double as its tests. Category membership is *not* here: it lives in
/// one table per check kind (``RuleCatalog``), so regrouping never touches rule files.
public struct RuleInfo: Sendable, Hashable {
  /// UPPER_SNAKE id, as buf spells it (`FIELD_LOWER_SNAKE_CASE`).
  public let id: String
  /// One sentence saying what the rule checks.
  public let purpose: String
  /// Complete `.proto` sources the rule accepts.
  public let good: [String]
  /// Complete `.proto` sources the rule rejects; `↓` marks the start of each expected
  /// finding (the marker is removed before compiling).
  public let bad: [String]
  /// Deprecated rules are accepted in configs but not listed by default.
  public let deprecated: Bool

  public init(id: String, purpose: String, good: [String] = [], bad: [String] = [], deprecated: Bool = false) {
    self.id = id
    self.purpose = purpose
    self.good = good
    self.bad = bad
    self.deprecated = deprecated
  }
}

/// A named group of rules (`STANDARD`, `FILE`, `HTTP`).
public struct CategoryInfo: Sendable, Hashable {
  public let id: String
  public let purpose: String
  /// Rule ids in this category, in catalog order.
  public let ruleIDs: [String]
  public let deprecated: Bool

  public init(id: String, purpose: String, ruleIDs: [String], deprecated: Bool = false) {
    self.id = id
    self.purpose = purpose
    self.ruleIDs = ruleIDs
    self.deprecated = deprecated
  }
}
