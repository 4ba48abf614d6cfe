import Proto

/// The HTTP method of a route does not change.
struct HttpRouteSameMethod: RoutePairRule {
  static let info = RuleInfo(
    id: "HTTP_ROUTE_SAME_METHOD",
    categories: ["HTTP"],
    purpose: "Routes keep their HTTP method, which every client sends.",
    examples: [
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: """
              rpc GetPet(GetPetRequest) returns (Pet) {
                option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET };
              }

            """),
        to: HTTPExampleFiles.api(
          service: """
              rpc GetPet(GetPetRequest) returns (Pet) {
                ↓option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_POST };
              }

            """),
        [
          #"RPC "GetPet" on service "PetService" changed HTTP method from GET to POST: existing clients send GET "/pets/{id}" and will get 405 Method Not Allowed."#
        ])
    ])

  func check(_ route: RouteNode, _ previous: RouteNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.route.verb
    let after = route.route.verb
    guard before != after else { return }
    out.add(
      "\(route.rpc) changed HTTP method from \(before.rawValue) to \(after.rawValue): existing clients send \(before.rawValue) \(quoted(previous.effectivePath)) and will get 405 Method Not Allowed.",
      at: route.location(4, SebufExtension.config) ?? route.location, against: previous.location, file: route.file)
  }
}
