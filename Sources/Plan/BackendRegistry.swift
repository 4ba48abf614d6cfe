import Backends
import Config

/// The native backends `generate:` entries can name, by id.
///
/// To add a backend, add one line to `native` below:
/// `.init(GoHTTPBackend(), strategy: .directory),` — the id is the backend's `name`.
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

  /// Every backend sebuf ships.
  public static let native = BackendRegistry([
    // One line per native backend, e.g. `.init(GoHTTPBackend(), strategy: .directory),`
    .init(GoHTTPBackend(), strategy: .directory),
    .init(GoClientBackend(), strategy: .directory),
    .init(OpenAPIBackend()),
    .init(TSClientBackend()),
    .init(TSServerBackend()),
  ])

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
