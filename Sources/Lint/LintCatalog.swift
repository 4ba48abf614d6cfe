/// Every lint rule and the one table of lint categories (buf's v2 categories plus sebuf's
/// HTTP category). Each rule file names its categories; this table says what they mean.
public enum LintCatalog {
  /// Every rule type, alphabetically by id.
  public static let ruleTypes: [any LintRule.Type] = [
    CommentEnum.self, CommentEnumValue.self, CommentField.self, CommentMessage.self, CommentOneof.self,
    CommentRPC.self, CommentService.self, DirectorySamePackage.self, EnumFirstValueZero.self,
    EnumNoAllowAlias.self, EnumPascalCase.self, EnumValuePrefix.self, EnumValueUpperSnakeCase.self,
    EnumZeroValueSuffix.self, FieldLowerSnakeCase.self, FieldNotRequired.self, FileLowerSnakeCase.self,
    ImportNoPublic.self, ImportNoWeak.self, ImportUsed.self, MessagePascalCase.self, OneofLowerSnakeCase.self,
    PackageDefined.self, PackageDirectoryMatch.self, PackageLowerSnakeCase.self, PackageNoImportCycle.self,
    PackageSameCsharpNamespace.self, PackageSameDirectory.self, PackageSameGoPackage.self,
    PackageSameJavaMultipleFiles.self, PackageSameJavaPackage.self, PackageSamePhpNamespace.self,
    PackageSameRubyPackage.self, PackageSameSwiftPrefix.self, PackageVersionSuffix.self, Protovalidate.self,
    RPCNoClientStreaming.self, RPCNoServerStreaming.self, RPCPascalCase.self, RPCRequestResponseUnique.self,
    RPCRequestStandardName.self, RPCResponseStandardName.self, ServicePascalCase.self, ServiceSuffix.self,
    StablePackageNoImportUnstable.self, SyntaxSpecified.self,
    // sebuf's HTTP annotation rules.
    HTTPBodylessFieldsBound.self, HTTPBytesEncodingValid.self, HTTPEmptyBehaviorValid.self, HTTPEnumEncodingValid.self,
    HTTPFlattenValid.self, HTTPInt64EncodingValid.self, HTTPNullableValid.self, HTTPOneofConfigValid.self,
    HTTPPathFormat.self, HTTPPathQueryConflict.self, HTTPPathVariableDefined.self, HTTPPathVariableScalar.self,
    HTTPQueryParamType.self, HTTPQueryParamUnique.self, HTTPRouteUnique.self, HTTPTimestampFormatValid.self,
    HTTPUnwrapValid.self, StreamMethodsMustUseGet.self,
  ].sorted { $0.info.id < $1.info.id }

  /// The lint categories, in the order `--list-rules` prints them.
  public static let categories: [CategoryInfo] = [
    CategoryInfo(id: "MINIMAL", purpose: "Fundamental rules for building Protobuf APIs."),
    CategoryInfo(id: "BASIC", purpose: "Widely accepted style rules."),
    CategoryInfo(id: "STANDARD", purpose: "The default: BASIC plus the rules buf recommends."),
    CategoryInfo(id: "COMMENTS", purpose: "Every declaration is documented."),
    CategoryInfo(id: "UNARY_RPC", purpose: "No gRPC streaming RPCs."),
    CategoryInfo(id: "HTTP", purpose: "sebuf HTTP annotations are consistent and routable."),
  ]

  /// The shared catalog value (rules + categories + default `use`).
  public static let catalog = RuleCatalog(
    kind: "lint", rules: ruleTypes.map { $0.info }, categories: categories, defaultUse: ["STANDARD"],
    aliases: ["DEFAULT": "STANDARD"], listCommand: "sebuf lint --list-rules --all")
}
