// The shape every breaking-change rule shares (style.md G9): the same metadata as a lint
// rule (RuleInfo: id, categories, purpose, and examples that give a previous and a current
// schema), a body that sees a (current, previous) pair matched by name, findings written
// to one sink. What the categories mean is BreakingCatalog's table.
import Diagnostics

/// A breaking rule: sees both schemas and reports into `out`.
protocol BreakingRule: CatalogRule {
  func check(_ pair: SchemaPair, _ out: inout BreakingFindings)
}

/// The two sides of a comparison, plus lazily derived views.
final class SchemaPair: @unchecked Sendable {
  let current: SchemaIndex
  let previous: SchemaIndex
  /// The HTTP model of both sides, decoded by the first HTTP rule that asks.
  var httpCache: (current: HTTPSide, previous: HTTPSide)?
  init(current: SchemaIndex, previous: SchemaIndex) {
    self.current = current
    self.previous = previous
  }
}

/// One finding before ignores and formatting: where in the current schema (if anywhere),
/// where in the previous one, and the file to fall back to (buf's inputFileName).
struct BreakingFinding {
  var rule: String
  var message: String
  var location: Location?
  var againstLocation: Location?
  /// The current file to show when there is no location (reported at 1:1).
  var file: FileNode?
  /// The previous file, for ignores, when there is no against location.
  var againstFile: FileNode?
}

/// Where rules write findings. The rule id is filled in by the engine.
struct BreakingFindings {
  var rule: String
  private(set) var items: [BreakingFinding] = []
  init(rule: String) { self.rule = rule }

  /// Reports at `location` if it exists, else at `file` line 1, else at `<input>`.
  mutating func add(
    _ message: String, at location: Location?, against againstLocation: Location? = nil,
    file: FileNode? = nil, againstFile: FileNode? = nil
  ) {
    items.append(
      BreakingFinding(
        rule: rule, message: message, location: location, againstLocation: againstLocation,
        file: location == nil ? file : nil, againstFile: againstFile))
  }
}

// MARK: - Pair adapters (buf's NewBreaking*PairRuleHandler)

/// A rule over files present in both schemas (matched by import path).
protocol FilePairRule: BreakingRule {
  func check(_ file: FileNode, _ previous: FileNode, _ pair: SchemaPair, _ out: inout BreakingFindings)
}
extension FilePairRule {
  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for previous in pair.previous.files {
      if let file = pair.current.fileByName[previous.name] { check(file, previous, pair, &out) }
    }
  }
}

/// A rule over messages present in both schemas (matched by full name).
protocol MessagePairRule: BreakingRule {
  func check(_ message: MessageNode, _ previous: MessageNode, _ pair: SchemaPair, _ out: inout BreakingFindings)
}
extension MessagePairRule {
  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for (name, previous) in pair.previous.messages {
      if let message = pair.current.messages[name] { check(message, previous, pair, &out) }
    }
  }
}

/// A rule over fields present in both schemas: message fields by message full name and
/// number, extensions by extendee and number.
protocol FieldPairRule: BreakingRule {
  func check(_ field: FieldNode, _ previous: FieldNode, _ pair: SchemaPair, _ out: inout BreakingFindings)
}
extension FieldPairRule {
  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for (name, previousMessage) in pair.previous.messages {
      guard let message = pair.current.messages[name] else { continue }
      let byNumber = message.fieldsByNumber
      for previous in previousMessage.fields {
        if let field = byNumber[previous.number] { check(field, previous, pair, &out) }
      }
    }
    for (extendee, previousByNumber) in pair.previous.extensionsByExtendee {
      guard let byNumber = pair.current.extensionsByExtendee[extendee] else { continue }
      for (number, previous) in previousByNumber {
        if let field = byNumber[number] { check(field, previous, pair, &out) }
      }
    }
  }
}

/// A rule over enums present in both schemas (matched by full name).
protocol EnumPairRule: BreakingRule {
  func check(_ e: EnumNode, _ previous: EnumNode, _ pair: SchemaPair, _ out: inout BreakingFindings)
}
extension EnumPairRule {
  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for (name, previous) in pair.previous.enums {
      if let e = pair.current.enums[name] { check(e, previous, pair, &out) }
    }
  }
}

/// A rule over services present in both schemas (matched by full name).
protocol ServicePairRule: BreakingRule {
  func check(_ service: ServiceNode, _ previous: ServiceNode, _ pair: SchemaPair, _ out: inout BreakingFindings)
}
extension ServicePairRule {
  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for (name, previous) in pair.previous.services {
      if let s = pair.current.services[name] { check(s, previous, pair, &out) }
    }
  }
}

/// A rule over methods present in both schemas (service full name, then method name).
protocol MethodPairRule: BreakingRule {
  func check(_ method: MethodNode, _ previous: MethodNode, _ pair: SchemaPair, _ out: inout BreakingFindings)
}
extension MethodPairRule {
  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for (name, previousService) in pair.previous.services {
      guard let service = pair.current.services[name] else { continue }
      let methods = service.methodsByName
      for (methodName, previous) in previousService.methodsByName {
        if let m = methods[methodName] { check(m, previous, pair, &out) }
      }
    }
  }
}
