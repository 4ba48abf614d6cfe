// The HTTP side of a comparison: both Images decoded once into sebuf's HTTP model, routes
// matched by service full name and method name, and the messages each route's JSON uses.
import Proto

/// A route with the nodes it came from, for locations.
struct RouteNode {
  let route: HTTPRoute
  let service: HTTPService
  let file: FileNode
  var name: String { route.name }
  var location: Location? { file.location(route.path) }
  func location(_ sub: Int32...) -> Location? { file.location(route.path + sub) }

  /// The path clients call: the annotated one, else the clients' default
  /// `<base>/<lowerFirst(method)>` (go-client, ts-client, ts-server).
  var effectivePath: String {
    if route.hasConfig { return route.fullPath }
    let first = route.name.prefix(1).lowercased() + route.name.dropFirst()
    return HTTPRoute.join(service.basePath ?? "", first)
  }

  /// `GET "/v1/pets/{id}"`: how messages name the route.
  var label: String { "\(route.verb.rawValue) \(quoted(effectivePath))" }
  /// `RPC "GetPet" on service "PetService"`.
  var rpc: String { "RPC \(quoted(route.name)) on service \(quoted(service.name))" }
}

/// One side's routes.
struct HTTPSide {
  /// Service full name → method name → route.
  let routes: [String: [String: RouteNode]]
  let services: [String: HTTPService]

  init(_ schema: SchemaIndex) {
    let api = HTTPAPI.decode(schema.image, files: schema.files.filter { !$0.isImport }.map(\.name))
    var routes: [String: [String: RouteNode]] = [:]
    var services: [String: HTTPService] = [:]
    for s in api.services {
      guard let file = schema.fileByName[s.file] else { continue }
      services[s.fullName] = s
      var byName: [String: RouteNode] = [:]
      for r in s.methods { byName[r.name] = RouteNode(route: r, service: s, file: file) }
      routes[s.fullName] = byName
    }
    self.routes = routes
    self.services = services
  }
}

extension SchemaPair {
  /// Both sides' routes (decoded on first use).
  var http: (current: HTTPSide, previous: HTTPSide) {
    if let h = httpCache { return h }
    let h = (HTTPSide(current), HTTPSide(previous))
    httpCache = h
    return h
  }

  /// Routes present on both sides, sorted by service then method name.
  var matchedRoutes: [(current: RouteNode, previous: RouteNode)] {
    var out: [(RouteNode, RouteNode)] = []
    let (cur, prev) = http
    for (service, previousRoutes) in prev.routes.sorted(by: { $0.key < $1.key }) {
      guard let currentRoutes = cur.routes[service] else { continue }
      for (name, p) in previousRoutes.sorted(by: { $0.key < $1.key }) {
        if let c = currentRoutes[name] { out.append((c, p)) }
      }
    }
    return out
  }
}

/// A protocol for HTTP rules that compare one route with its previous version.
protocol RoutePairRule: BreakingRule {
  func check(_ route: RouteNode, _ previous: RouteNode, _ pair: SchemaPair, _ out: inout BreakingFindings)
}
extension RoutePairRule {
  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    for (c, p) in pair.matchedRoutes { check(c, p, pair, &out) }
  }
}

extension SchemaIndex {
  /// Messages whose JSON a route carries: request and response, and every message they
  /// reach through message-typed fields (map entries included).
  func jsonMessages(from roots: [String]) -> [String] {
    var seen = Set<String>()
    var order: [String] = []
    var stack = roots.reversed().map { $0 }
    while let name = stack.popLast() {
      guard !seen.contains(name), let m = messages[name] else { continue }
      seen.insert(name)
      order.append(name)
      for f in m.fields where f.type == .message || f.type == .group {
        stack.append(f.typeName)
      }
    }
    return order
  }
}
