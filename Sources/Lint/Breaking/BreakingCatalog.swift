// Which breaking rules exist and which categories they belong to (style.md G8): one table,
// separate from the rule bodies. Membership follows `buf config ls-breaking-rules
// --version v2` for buf's rules; HTTP is sebuf's own category. The result is a
// RuleCatalog, the same type lint's catalog is.

/// The catalog of breaking rules and categories.
public enum BreakingCatalog {
  /// Every category with what choosing it means, in the order rule listings name them.
  static let categoryPurposes: [(id: String, purpose: String)] = [
    ("CSR", "Confluent Schema Registry compatibility, as buf defines it."),
    ("FILE", "Generated code stays source-compatible, file by file (buf's default)."),
    ("PACKAGE", "Generated code stays source-compatible, package by package."),
    ("WIRE_JSON", "Binary and JSON encodings stay compatible."),
    ("WIRE", "The binary encoding stays compatible."),
    ("HTTP", "HTTP clients of sebuf services keep working: routes, streams, JSON."),
  ]

  struct Entry {
    let rule: any BreakingRule.Type
    let categories: [String]
  }

  private static let file = ["FILE"]
  private static let csrFile = ["CSR", "FILE"]
  private static let filePackage = ["FILE", "PACKAGE"]
  private static let csrFilePackage = ["CSR", "FILE", "PACKAGE"]
  private static let upToWireJSON = ["CSR", "FILE", "PACKAGE", "WIRE_JSON"]
  private static let upToWire = ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"]

  /// Every rule with its categories, sorted by id.
  static let entries: [Entry] = [
    Entry(rule: EnumNoDelete.self, categories: csrFile),
    Entry(rule: EnumSameJsonFormat.self, categories: upToWireJSON),
    Entry(rule: EnumSameType.self, categories: filePackage),
    Entry(rule: EnumValueNoDelete.self, categories: csrFilePackage),
    Entry(rule: EnumValueNoDeleteUnlessNameReserved.self, categories: ["CSR", "WIRE_JSON"]),
    Entry(rule: EnumValueNoDeleteUnlessNumberReserved.self, categories: ["CSR", "WIRE_JSON", "WIRE"]),
    Entry(rule: EnumValueSameName.self, categories: upToWireJSON),
    Entry(rule: ExtensionMessageNoDelete.self, categories: csrFilePackage),
    Entry(rule: ExtensionNoDelete.self, categories: file),
    Entry(rule: FieldNoDelete.self, categories: csrFilePackage),
    Entry(rule: FieldNoDeleteUnlessNameReserved.self, categories: ["CSR", "WIRE_JSON"]),
    Entry(rule: FieldNoDeleteUnlessNumberReserved.self, categories: ["CSR", "WIRE_JSON", "WIRE"]),
    Entry(rule: FieldSameCardinality.self, categories: filePackage),
    Entry(rule: FieldSameCppStringType.self, categories: filePackage),
    Entry(rule: FieldSameDefault.self, categories: upToWire),
    Entry(rule: FieldSameJavaUtf8Validation.self, categories: filePackage),
    Entry(rule: FieldSameJsonName.self, categories: upToWireJSON),
    Entry(rule: FieldSameJstype.self, categories: filePackage),
    Entry(rule: FieldSameName.self, categories: upToWireJSON),
    Entry(rule: FieldSameOneof.self, categories: upToWire),
    Entry(rule: FieldSameType.self, categories: csrFilePackage),
    Entry(rule: FieldSameUtf8Validation.self, categories: filePackage),
    Entry(rule: FieldWireCompatibleCardinality.self, categories: ["WIRE"]),
    Entry(rule: FieldWireCompatibleType.self, categories: ["WIRE"]),
    Entry(rule: FieldWireJsonCompatibleCardinality.self, categories: ["CSR", "WIRE_JSON"]),
    Entry(rule: FieldWireJsonCompatibleType.self, categories: ["CSR", "WIRE_JSON"]),
    Entry(rule: FileNoDelete.self, categories: csrFile),
    Entry(rule: FileSameCcEnableArenas.self, categories: filePackage),
    Entry(rule: FileSameCcGenericServices.self, categories: filePackage),
    Entry(rule: FileSameCsharpNamespace.self, categories: filePackage),
    Entry(rule: FileSameGoPackage.self, categories: filePackage),
    Entry(rule: FileSameJavaGenericServices.self, categories: filePackage),
    Entry(rule: FileSameJavaMultipleFiles.self, categories: filePackage),
    Entry(rule: FileSameJavaOuterClassname.self, categories: filePackage),
    Entry(rule: FileSameJavaPackage.self, categories: filePackage),
    Entry(rule: FileSameObjcClassPrefix.self, categories: filePackage),
    Entry(rule: FileSameOptimizeFor.self, categories: filePackage),
    Entry(rule: FileSamePackage.self, categories: upToWire),
    Entry(rule: FileSamePhpClassPrefix.self, categories: filePackage),
    Entry(rule: FileSamePhpMetadataNamespace.self, categories: filePackage),
    Entry(rule: FileSamePhpNamespace.self, categories: filePackage),
    Entry(rule: FileSamePyGenericServices.self, categories: filePackage),
    Entry(rule: FileSameRubyPackage.self, categories: filePackage),
    Entry(rule: FileSameSwiftPrefix.self, categories: filePackage),
    Entry(rule: FileSameSyntax.self, categories: csrFilePackage),
    Entry(rule: MessageNoDelete.self, categories: csrFile),
    Entry(rule: MessageNoRemoveStandardDescriptorAccessor.self, categories: csrFilePackage),
    Entry(rule: MessageSameJsonFormat.self, categories: upToWireJSON),
    Entry(rule: MessageSameRequiredFields.self, categories: upToWire),
    Entry(rule: OneofNoDelete.self, categories: csrFilePackage),
    Entry(rule: PackageEnumNoDelete.self, categories: ["PACKAGE"]),
    Entry(rule: PackageExtensionNoDelete.self, categories: ["PACKAGE"]),
    Entry(rule: PackageMessageNoDelete.self, categories: ["PACKAGE"]),
    Entry(rule: PackageNoDelete.self, categories: ["PACKAGE"]),
    Entry(rule: PackageServiceNoDelete.self, categories: ["PACKAGE"]),
    Entry(rule: ReservedEnumNoDelete.self, categories: upToWire),
    Entry(rule: ReservedMessageNoDelete.self, categories: upToWire),
    Entry(rule: RpcNoDelete.self, categories: filePackage),
    Entry(rule: RpcSameClientStreaming.self, categories: upToWire),
    Entry(rule: RpcSameIdempotencyLevel.self, categories: upToWire),
    Entry(rule: RpcSameRequestType.self, categories: upToWire),
    Entry(rule: RpcSameResponseType.self, categories: upToWire),
    Entry(rule: RpcSameServerStreaming.self, categories: upToWire),
    Entry(rule: ServiceNoDelete.self, categories: file),
  ] + httpEntries

  /// Every rule type, sorted by id.
  static let ruleTypes: [any BreakingRule.Type] = entries.map(\.rule)

  static let byID: [String: any BreakingRule.Type] = Dictionary(ruleTypes.map { ($0.info.id, $0) }) { a, _ in a }

  /// The shared catalog value (rules + categories + default `use`).
  public static let catalog = RuleCatalog(
    kind: "breaking", rules: ruleTypes.map { $0.info },
    categories: categoryPurposes.map { c in
      CategoryInfo(id: c.id, purpose: c.purpose, ruleIDs: entries.filter { $0.categories.contains(c.id) }.map { $0.rule.info.id })
    },
    defaultUse: ["FILE"], listCommand: "sebuf breaking --list-rules")
}
