import Proto

/// Query parameters are not removed or renamed.
struct HttpQueryParamNoDelete: RoutePairRule {
  static let info = BreakingRuleInfo(
    id: "HTTP_QUERY_PARAM_NO_DELETE",
    purpose: "Query parameters are not removed from a route, so what clients send is still read.",
    examples: [
      BreakingExample(
        previous: HTTPExampleFiles.api(
          service: listPets,
          messages: listMessages(#"int32 limit = 1 [(sebuf.http.query) = { name: "limit" }];"#)),
        current: HTTPExampleFiles.api(service: listPets, messages: listMessages("int32 limit = 1;")),
        expected: ["proto/pets/v1/pets.proto:8:1"])
    ])

  static let listPets = """
      rpc ListPets(ListPetsRequest) returns (ListPetsResponse) {
        option (sebuf.http.config) = { path: "/pets" method: HTTP_METHOD_GET };
      }

    """

  static func listMessages(_ field: String) -> String {
    """
    message ListPetsRequest {
      \(field)
    }

    message ListPetsResponse {
      repeated string names = 1;
    }

    """
  }

  func check(_ route: RouteNode, _ previous: RouteNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let current = Dictionary(route.route.queryParams.map { ($0.fieldNumber, $0) }) { a, _ in a }
    let request = pair.current.messages[route.route.inputType]
    for p in previous.route.queryParams where current[p.fieldNumber] == nil {
      out.add(
        "\(route.rpc) no longer reads query parameter \(quoted(p.name)) of \(route.label): clients that send it are silently ignored.",
        at: request?.location ?? route.location, against: previous.location, file: route.file)
    }
  }
}
