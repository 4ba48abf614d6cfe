/// buf's rule options (`enum_zero_value_suffix`, `service_suffix`, `rpc_allow_*`).
public struct LintOptions: Sendable, Equatable {
  public var enumZeroValueSuffix: String = "_UNSPECIFIED"
  public var rpcAllowSameRequestResponse: Bool = false
  public var rpcAllowGoogleProtobufEmptyRequests: Bool = false
  public var rpcAllowGoogleProtobufEmptyResponses: Bool = false
  public var serviceSuffix: String = "Service"
  public init() {}
}
