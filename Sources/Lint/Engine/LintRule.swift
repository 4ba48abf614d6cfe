import Diagnostics

/// One finding before spans and ignores are applied.
public struct Finding: Sendable, Hashable {
  public var rule: String
  public var message: String
  /// Index of the target file in ``LintContext/files``.
  public var file: Int
  /// SourceCodeInfo path of the element; nil reports at the file (1:1, as buf does).
  public var path: [Int32]?
}

/// Where rules report. The engine sets the rule id before each rule runs.
public struct FindingSink {
  public private(set) var findings: [Finding] = []
  var rule: String = ""

  public mutating func report(_ message: String, file: Int, path: [Int32]?) {
    findings.append(Finding(rule: rule, message: message, file: file, path: path))
  }
}

/// A lint rule: metadata plus a body over the whole context. Most rules adopt one of
/// the element protocols below instead, whose default `check` does the walking so the
/// body sees one element.
public protocol LintRule: CatalogRule {
  func check(_ context: LintContext, _ out: inout FindingSink)
}

public protocol FileLintRule: LintRule {
  func check(file: LintFile, _ context: LintContext, _ out: inout FindingSink)
}
extension FileLintRule {
  public func check(_ context: LintContext, _ out: inout FindingSink) {
    for f in context.files { check(file: f, context, &out) }
  }
}

public protocol MessageLintRule: LintRule {
  func check(message: MessageElement, _ context: LintContext, _ out: inout FindingSink)
}
extension MessageLintRule {
  public func check(_ context: LintContext, _ out: inout FindingSink) {
    for m in context.messages { check(message: m, context, &out) }
  }
}

public protocol FieldLintRule: LintRule {
  func check(field: FieldElement, _ context: LintContext, _ out: inout FindingSink)
}
extension FieldLintRule {
  public func check(_ context: LintContext, _ out: inout FindingSink) {
    for f in context.fields { check(field: f, context, &out) }
  }
}

public protocol OneofLintRule: LintRule {
  func check(oneof: OneofElement, _ context: LintContext, _ out: inout FindingSink)
}
extension OneofLintRule {
  public func check(_ context: LintContext, _ out: inout FindingSink) {
    for o in context.oneofs { check(oneof: o, context, &out) }
  }
}

public protocol EnumLintRule: LintRule {
  func check(enum: EnumElement, _ context: LintContext, _ out: inout FindingSink)
}
extension EnumLintRule {
  public func check(_ context: LintContext, _ out: inout FindingSink) {
    for e in context.enums { check(enum: e, context, &out) }
  }
}

public protocol EnumValueLintRule: LintRule {
  func check(value: EnumValueElement, _ context: LintContext, _ out: inout FindingSink)
}
extension EnumValueLintRule {
  public func check(_ context: LintContext, _ out: inout FindingSink) {
    for v in context.enumValues { check(value: v, context, &out) }
  }
}

public protocol ServiceLintRule: LintRule {
  func check(service: ServiceElement, _ context: LintContext, _ out: inout FindingSink)
}
extension ServiceLintRule {
  public func check(_ context: LintContext, _ out: inout FindingSink) {
    for s in context.services { check(service: s, context, &out) }
  }
}

public protocol MethodLintRule: LintRule {
  func check(method: MethodElement, _ context: LintContext, _ out: inout FindingSink)
}
extension MethodLintRule {
  public func check(_ context: LintContext, _ out: inout FindingSink) {
    for m in context.methods { check(method: m, context, &out) }
  }
}

public protocol ImportLintRule: LintRule {
  func check(import: ImportElement, _ context: LintContext, _ out: inout FindingSink)
}
extension ImportLintRule {
  public func check(_ context: LintContext, _ out: inout FindingSink) {
    for i in context.imports { check(import: i, context, &out) }
  }
}

/// Rules over groups of target files: by package or by directory.
extension LintContext {
  /// Target files grouped by package ("" included), groups sorted by package.
  public var filesByPackage: [(String, [LintFile])] {
    Dictionary(grouping: files, by: \.package).sorted { $0.key < $1.key }
  }
  /// Target files grouped by directory, groups sorted by directory.
  public var filesByDirectory: [(String, [LintFile])] {
    Dictionary(grouping: files, by: \.directory).sorted { $0.key < $1.key }
  }
}
