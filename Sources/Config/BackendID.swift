/// The native backends sebuf ships, by the id `generate[].backend` names: the one list.
///
/// Config validates entries against it; Plan's `BackendRegistry` maps every case to its
/// implementation with an exhaustive `switch`, so a backend cannot be added to one and
/// not the other. The order is the order error messages and completions list them in.
public enum BackendID: String, CaseIterable, Sendable {
  case goHTTP = "go-http"
  case goClient = "go-client"
  case tsClient = "ts-client"
  case tsServer = "ts-server"
  case openapi
  case pyClient = "py-client"

  /// The upstream protoc plugin the backend replaces: a buf.gen.yaml v2 `local:` plugin of
  /// this name runs the native backend instead.
  public var bufPluginName: String {
    switch self {
    case .goHTTP: "protoc-gen-go-http"
    case .goClient: "protoc-gen-go-client"
    case .tsClient: "protoc-gen-ts-client"
    case .tsServer: "protoc-gen-ts-server"
    case .openapi: "protoc-gen-openapiv3"
    case .pyClient: "protoc-gen-py-client"
    }
  }
}
