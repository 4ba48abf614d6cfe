import Backends
import Config

/// The backends `generate:` entries can name, by id.
///
/// To add a native backend, add its id to Config's ``BackendID`` (the one list, which
/// `sebuf.yaml` is validated against); ``registration(for:)`` then fails to compile until
/// it maps the new case to its implementation. Tests build registries of their own.
public struct BackendRegistry: Sendable {
  /// A native backend and how it is invoked unless the entry says otherwise.
  public struct Registration: Sendable {
    public var backend: any Backend
    /// `.all` for backends that bundle every file into one output (TS, OpenAPI);
    /// `.directory` for one invocation per proto directory (Go packages).
    public var strategy: GenerateEntry.Strategy

    public init(_ backend: any Backend, strategy: GenerateEntry.Strategy = .all) {
      self.backend = backend
      self.strategy = strategy
    }
  }

  /// Every backend sebuf ships: one per ``BackendID``.
  public static let native = BackendRegistry(BackendID.allCases.map(registration(for:)))

  /// The implementation of native backend `id` (whose `name` is `id.rawValue`) and how it
  /// is invoked by default.
  public static func registration(for id: BackendID) -> Registration {
    switch id {
    case .goHTTP: .init(GoHTTPBackend(), strategy: .directory)
    case .goClient: .init(GoClientBackend(), strategy: .directory)
    case .tsClient: .init(TSClientBackend())
    case .tsServer: .init(TSServerBackend())
    case .openapi: .init(OpenAPIBackend())
    case .pyClient: .init(PyClientBackend())
    }
  }

  public let registrations: [String: Registration]

  public init(_ registrations: [Registration]) {
    var byID: [String: Registration] = [:]
    for r in registrations { byID[r.backend.name] = r }
    self.registrations = byID
  }

  /// The registration for `id`, or nil for an unknown backend.
  public func lookup(_ id: String) -> Registration? { registrations[id] }

  /// Known ids, sorted: listed in "unknown backend" errors.
  public var ids: [String] { registrations.keys.sorted() }
}
