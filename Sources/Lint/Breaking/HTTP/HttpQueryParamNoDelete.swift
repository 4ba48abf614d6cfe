import Proto

/// Query parameters are not removed or renamed.
struct HttpQueryParamNoDelete: RoutePairRule {
  static let info = RuleInfo(
    id: "HTTP_QUERY_PARAM_NO_DELETE",
    categories: ["HTTP"],
    purpose: "Query parameters are not removed from a route, so what clients send is still read.",
    examples: [
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: listPets,
          messages: listMessages(#"int32 limit = 1 [(sebuf.http.query) = { name: "limit" }];"#)),
        to: HTTPExampleFiles.api(service: listPets, messages: listMessages("int32 limit = 1;", mark: true)),
        [
          #"RPC "ListPets" on service "PetService" no longer reads query parameter "limit" of GET "/pets": clients that send it are silently ignored."#
        ])
    ])

  static let listPets = """
      rpc ListPets(ListPetsRequest) returns (ListPetsResponse) {
        option (sebuf.http.config) = { path: "/pets" method: HTTP_METHOD_GET };
      }

    """

  /// The request (with `field`; `mark` marks its declaration) and response of ListPets.
  static func listMessages(_ field: String, mark: Bool = false) -> String {
    """
    \(mark ? "↓" : "")message ListPetsRequest {
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
