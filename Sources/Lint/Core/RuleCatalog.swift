import Diagnostics

/// What every lint and breaking rule type has: its metadata, and a way to make one.
public protocol CatalogRule: Sendable {
  static var info: RuleInfo { get }
  init()
}

/// The rules of one check kind (lint or breaking) and the one table of categories that
/// groups them (each rule names its categories; the table says what they mean and in
/// which order listings show them). Resolves a config's `use`/`except` lists (rule or category ids, in any
/// spelling, deprecated aliases included) into a set of rule ids, with "did you mean"
/// for unknown ids. Lint and breaking are two values of this one type.
public struct RuleCatalog: Sendable {
  /// `lint` or `breaking`: the command and config block the catalog serves.
  public let kind: String
  public let rules: [RuleInfo]
  public let categories: [CategoryInfo]
  /// What an empty `use` means (buf: STANDARD for lint, FILE for breaking).
  public let defaultUse: [String]
  /// Deprecated ids and what replaced them (`DEFAULT` → `STANDARD`).
  public let aliases: [String: String]
  /// The command that lists every rule, for messages about unknown ids.
  public let listCommand: String

  private let ruleByID: [String: RuleInfo]
  private let categoryByID: [String: CategoryInfo]

  public init(
    kind: String, rules: [RuleInfo], categories: [CategoryInfo], defaultUse: [String],
    aliases: [String: String] = [:], listCommand: String
  ) {
    self.kind = kind
    self.listCommand = listCommand
    self.rules = rules
    self.categories = categories.map { c in
      CategoryInfo(
        id: c.id, purpose: c.purpose, ruleIDs: rules.filter { $0.categories.contains(c.id) }.map(\.id),
        deprecated: c.deprecated)
    }
    self.defaultUse = defaultUse
    self.aliases = aliases
    var r: [String: RuleInfo] = [:]
    for rule in rules { r[rule.id] = rule }
    ruleByID = r
    var c: [String: CategoryInfo] = [:]
    for cat in self.categories { c[cat.id] = cat }
    categoryByID = c
  }

  public func rule(_ id: String) -> RuleInfo? {
    let n = RuleID.normalize(id)
    return ruleByID[aliases[n] ?? n]
  }
  public func category(_ id: String) -> CategoryInfo? {
    let n = RuleID.normalize(id)
    return categoryByID[aliases[n] ?? n]
  }

  /// Categories containing a rule, in table order.
  public func categories(of ruleID: String) -> [String] {
    categories.filter { $0.ruleIDs.contains(ruleID) }.map(\.id)
  }

  /// Whether `id` names a rule or a category (any spelling).
  public func isKnown(_ id: String) -> Bool { rule(id) != nil || category(id) != nil }

  /// Rule ids an id stands for: itself if a rule, its members if a category.
  public func expand(_ id: String) -> [String] {
    if let r = rule(id) { return [r.id] }
    if let c = category(id) { return c.ruleIDs }
    return []
  }

  /// Every id and category name, for "did you mean".
  public var allIDs: [String] { rules.map(\.id) + categories.map(\.id) + aliases.keys.sorted() }

  /// The message for an unknown id: what was written and the closest known id.
  public func unknownIDMessage(_ id: String) -> String {
    var m = "\"\(id)\" is not a known \(kind) rule or category ID"
    if let s = RuleID.suggestion(for: id, among: allIDs) {
      m += "; did you mean \"\(s)\"?"
    } else {
      m += "; run `\(listCommand)` to see them"
    }
    return m
  }

  /// The rules selected by `use` minus `except`, in catalog order. Unknown ids are
  /// reported as errors at their spans (when known).
  public func resolve(use: [String], except: [String], spans: [String: Span] = [:])
    -> (rules: [String], diagnostics: [Diagnostic])
  {
    var diagnostics: [Diagnostic] = []
    func check(_ ids: [String]) {
      for id in ids where !isKnown(id) {
        diagnostics.append(.error(unknownIDMessage(id), rule: "CONFIG", at: spans[id]))
      }
    }
    check(use)
    check(except)
    var selected = Set<String>()
    for id in (use.isEmpty ? defaultUse : use) { selected.formUnion(expand(id)) }
    for id in except { selected.subtract(expand(id)) }
    let ordered = rules.map(\.id).filter { selected.contains($0) }
    if ordered.isEmpty && diagnostics.isEmpty {
      diagnostics.append(
        .error("no \(kind) rules are left: `except` removes everything `use` selects", rule: "CONFIG"))
    }
    return (ordered, diagnostics)
  }
}
