import Proto

/// Path variables keep their names.
struct HttpPathVariableSameName: RoutePairRule {
  static let info = RuleInfo(
    id: "HTTP_PATH_VARIABLE_SAME_NAME",
    categories: ["HTTP"],
    purpose: "Path variables keep their names, so each URL segment still binds the same request field.",
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
                ↓option (sebuf.http.config) = { path: "/pets/{pet_id}" method: HTTP_METHOD_GET };
              }

            """,
          messages: """
            message GetPetRequest {
              string pet_id = 1;
            }

            message Pet {
              string id = 1;
              string name = 2;
            }

            """),
        [
          #"RPC "GetPet" on service "PetService" renamed path variable {id} to {pet_id} in "/pets/{pet_id}": the URL segment now fills request field "pet_id" instead of "id"."#
        ])
    ])

  func check(_ route: RouteNode, _ previous: RouteNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.route.pathParams
    let after = route.route.pathParams
    guard before.count == after.count else { return }  // a different shape is HTTP_ROUTE_SAME_PATH's
    for (b, a) in zip(before, after) where b != a {
      out.add(
        "\(route.rpc) renamed path variable {\(b)} to {\(a)} in \(quoted(route.effectivePath)): the URL segment now fills request field \(quoted(a)) instead of \(quoted(b)).",
        at: route.location(4, SebufExtension.config) ?? route.location, against: previous.location, file: route.file)
    }
  }
}
