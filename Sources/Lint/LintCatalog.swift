/// Every lint rule and the one table of lint categories (buf's v2 membership plus
/// sebuf's HTTP category). Rule files never mention their categories.
public enum LintCatalog {
  /// Every rule type, alphabetically by id.
  public static let ruleTypes: [any LintRule.Type] = (bufRuleTypes + httpRuleTypes).sorted { $0.info.id < $1.info.id }

  static let bufRuleTypes: [any LintRule.Type] = [
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
  ]

  static let httpRuleTypes: [any LintRule.Type] = [
    HTTPBodylessFieldsBound.self, HTTPBytesEncodingValid.self, HTTPEmptyBehaviorValid.self, HTTPEnumEncodingValid.self,
    HTTPFlattenValid.self, HTTPInt64EncodingValid.self, HTTPNullableValid.self, HTTPOneofConfigValid.self,
    HTTPPathFormat.self, HTTPPathQueryConflict.self, HTTPPathVariableDefined.self, HTTPPathVariableScalar.self,
    HTTPQueryParamType.self, HTTPQueryParamUnique.self, HTTPRouteUnique.self, HTTPTimestampFormatValid.self,
    HTTPUnwrapValid.self, StreamMethodsMustUseGet.self,
  ]

  static let minimal = [
    "DIRECTORY_SAME_PACKAGE", "PACKAGE_DEFINED", "PACKAGE_DIRECTORY_MATCH", "PACKAGE_NO_IMPORT_CYCLE",
    "PACKAGE_SAME_DIRECTORY",
  ]
  static let basic =
    minimal + [
      "ENUM_FIRST_VALUE_ZERO", "ENUM_NO_ALLOW_ALIAS", "ENUM_PASCAL_CASE", "ENUM_VALUE_UPPER_SNAKE_CASE",
      "FIELD_LOWER_SNAKE_CASE", "FIELD_NOT_REQUIRED", "IMPORT_NO_PUBLIC", "IMPORT_USED", "MESSAGE_PASCAL_CASE",
      "ONEOF_LOWER_SNAKE_CASE", "PACKAGE_LOWER_SNAKE_CASE", "PACKAGE_SAME_CSHARP_NAMESPACE",
      "PACKAGE_SAME_GO_PACKAGE", "PACKAGE_SAME_JAVA_MULTIPLE_FILES", "PACKAGE_SAME_JAVA_PACKAGE",
      "PACKAGE_SAME_PHP_NAMESPACE", "PACKAGE_SAME_RUBY_PACKAGE", "PACKAGE_SAME_SWIFT_PREFIX", "RPC_PASCAL_CASE",
      "SERVICE_PASCAL_CASE", "SYNTAX_SPECIFIED",
    ]
  static let standard =
    basic + [
      "ENUM_VALUE_PREFIX", "ENUM_ZERO_VALUE_SUFFIX", "FILE_LOWER_SNAKE_CASE", "PACKAGE_VERSION_SUFFIX",
      "PROTOVALIDATE", "RPC_REQUEST_RESPONSE_UNIQUE", "RPC_REQUEST_STANDARD_NAME", "RPC_RESPONSE_STANDARD_NAME",
      "SERVICE_SUFFIX",
    ]

  static func sorted(_ ids: [String]) -> [String] { ids.sorted() }

  /// The lint categories, in the order `--list-rules` prints them.
  public static let categories: [CategoryInfo] = [
    CategoryInfo(id: "MINIMAL", purpose: "Fundamental rules for building Protobuf APIs.", ruleIDs: sorted(minimal)),
    CategoryInfo(id: "BASIC", purpose: "Widely accepted style rules.", ruleIDs: sorted(basic)),
    CategoryInfo(id: "STANDARD", purpose: "The default: BASIC plus the rules buf recommends.", ruleIDs: sorted(standard)),
    CategoryInfo(
      id: "COMMENTS", purpose: "Every declaration is documented.",
      ruleIDs: [
        "COMMENT_ENUM", "COMMENT_ENUM_VALUE", "COMMENT_FIELD", "COMMENT_MESSAGE", "COMMENT_ONEOF", "COMMENT_RPC",
        "COMMENT_SERVICE",
      ]),
    CategoryInfo(
      id: "UNARY_RPC", purpose: "No gRPC streaming RPCs.", ruleIDs: ["RPC_NO_CLIENT_STREAMING", "RPC_NO_SERVER_STREAMING"]),
    CategoryInfo(
      id: "HTTP", purpose: "sebuf HTTP annotations are consistent and routable.",
      ruleIDs: httpRuleTypes.map { $0.info.id }.sorted()),
  ]

  /// The shared catalog value (rules + categories + default `use`).
  public static let catalog = RuleCatalog(
    kind: "lint", rules: ruleTypes.map { $0.info }, categories: categories, defaultUse: ["STANDARD"],
    aliases: ["DEFAULT": "STANDARD"], listCommand: "sebuf lint --list-rules --all")
}
