/// Query parameters keep their names.
struct HttpQueryParamSameName: RoutePairRule {
  static let info = RuleInfo(
    id: "HTTP_QUERY_PARAM_SAME_NAME",
    categories: ["HTTP"],
    purpose: "Query parameters keep their names on the wire.",
    examples: [
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: HttpQueryParamNoDelete.listPets,
          messages: HttpQueryParamNoDelete.listMessages(#"int32 limit = 1 [(sebuf.http.query) = { name: "limit" }];"#)),
        to: HTTPExampleFiles.api(
          service: HttpQueryParamNoDelete.listPets,
          messages: HttpQueryParamNoDelete.listMessages(
            #"↓int32 limit = 1 [(sebuf.http.query) = { name: "page_size" }];"#)),
        [
          #"RPC "ListPets" on service "PetService" renamed query parameter "limit" to "page_size" on GET "/pets": clients that send "limit" are silently ignored."#
        ])
    ])

  func check(_ route: RouteNode, _ previous: RouteNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = Dictionary(previous.route.queryParams.map { ($0.fieldNumber, $0) }) { a, _ in a }
    let fields = pair.current.messages[route.route.inputType]?.fieldsByNumber ?? [:]
    for p in route.route.queryParams {
      guard let b = before[p.fieldNumber], b.name != p.name else { continue }
      out.add(
        "\(route.rpc) renamed query parameter \(quoted(b.name)) to \(quoted(p.name)) on \(route.label): clients that send \(quoted(b.name)) are silently ignored.",
        at: fields[p.fieldNumber]?.location ?? route.location, against: previous.location, file: route.file)
    }
  }
}
