// Which breaking rules exist (style.md G8: one hand-written list) and the one table of
// breaking categories: what FILE, PACKAGE, WIRE_JSON, WIRE, CSR and HTTP mean. Each rule
// file names its categories (buf's `ls-breaking-rules --version v2` membership for buf's
// rules; HTTP is sebuf's). The result is a RuleCatalog, the same type lint's catalog is.

/// The catalog of breaking rules and categories.
public enum BreakingCatalog {
  /// Every category, in the order rule listings name them.
  public static let categories: [CategoryInfo] = [
    CategoryInfo(id: "CSR", purpose: "Confluent Schema Registry compatibility, as buf defines it."),
    CategoryInfo(id: "FILE", purpose: "Generated code stays source-compatible, file by file (buf's default)."),
    CategoryInfo(id: "PACKAGE", purpose: "Generated code stays source-compatible, package by package."),
    CategoryInfo(id: "WIRE_JSON", purpose: "Binary and JSON encodings stay compatible."),
    CategoryInfo(id: "WIRE", purpose: "The binary encoding stays compatible."),
    CategoryInfo(id: "HTTP", purpose: "HTTP clients of sebuf services keep working: routes, streams, JSON."),
  ]

  /// Every rule type: buf's sorted by id, then sebuf's HTTP rules.
  static let ruleTypes: [any BreakingRule.Type] =
    [
      EnumNoDelete.self, EnumSameJsonFormat.self, EnumSameType.self, EnumValueNoDelete.self,
      EnumValueNoDeleteUnlessNameReserved.self, EnumValueNoDeleteUnlessNumberReserved.self, EnumValueSameName.self,
      ExtensionMessageNoDelete.self, ExtensionNoDelete.self, FieldNoDelete.self, FieldNoDeleteUnlessNameReserved.self,
      FieldNoDeleteUnlessNumberReserved.self, FieldSameCardinality.self, FieldSameCppStringType.self,
      FieldSameDefault.self, FieldSameJavaUtf8Validation.self, FieldSameJsonName.self, FieldSameJstype.self,
      FieldSameName.self, FieldSameOneof.self, FieldSameType.self, FieldSameUtf8Validation.self,
      FieldWireCompatibleCardinality.self, FieldWireCompatibleType.self, FieldWireJsonCompatibleCardinality.self,
      FieldWireJsonCompatibleType.self, FileNoDelete.self, FileSameCcEnableArenas.self,
      FileSameCcGenericServices.self, FileSameCsharpNamespace.self, FileSameGoPackage.self,
      FileSameJavaGenericServices.self, FileSameJavaMultipleFiles.self, FileSameJavaOuterClassname.self,
      FileSameJavaPackage.self, FileSameObjcClassPrefix.self, FileSameOptimizeFor.self, FileSamePackage.self,
      FileSamePhpClassPrefix.self, FileSamePhpMetadataNamespace.self, FileSamePhpNamespace.self,
      FileSamePyGenericServices.self, FileSameRubyPackage.self, FileSameSwiftPrefix.self, FileSameSyntax.self,
      MessageNoDelete.self, MessageNoRemoveStandardDescriptorAccessor.self, MessageSameJsonFormat.self,
      MessageSameRequiredFields.self, OneofNoDelete.self, PackageEnumNoDelete.self, PackageExtensionNoDelete.self,
      PackageMessageNoDelete.self, PackageNoDelete.self, PackageServiceNoDelete.self, ReservedEnumNoDelete.self,
      ReservedMessageNoDelete.self, RpcNoDelete.self, RpcSameClientStreaming.self, RpcSameIdempotencyLevel.self,
      RpcSameRequestType.self, RpcSameResponseType.self, RpcSameServerStreaming.self, ServiceNoDelete.self,
    ] + httpRuleTypes

  static let byID: [String: any BreakingRule.Type] = Dictionary(ruleTypes.map { ($0.info.id, $0) }) { a, _ in a }

  /// The shared catalog value (rules + categories + default `use`).
  public static let catalog = RuleCatalog(
    kind: "breaking", rules: ruleTypes.map { $0.info }, categories: categories, defaultUse: ["FILE"],
    listCommand: "sebuf breaking --list-rules")
}
