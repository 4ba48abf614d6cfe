import Proto

/// The HTTP method of a route does not change.
struct HttpRouteSameMethod: RoutePairRule {
  static let info = BreakingRuleInfo(
    id: "HTTP_ROUTE_SAME_METHOD",
    purpose: "Routes keep their HTTP method, which every client sends.",
    examples: [
      BreakingExample(
        previous: HTTPExampleFiles.api(service: """
            rpc GetPet(GetPetRequest) returns (Pet) {
              option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET };
            }

          """),
        current: HTTPExampleFiles.api(service: """
            rpc GetPet(GetPetRequest) returns (Pet) {
              option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_POST };
            }

          """),
        expected: ["proto/pets/v1/pets.proto:19:5"])
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
