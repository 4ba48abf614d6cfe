/// Query parameters do not become required.
struct HttpQueryParamNoNewRequired: RoutePairRule {
  static let info = RuleInfo(
    id: "HTTP_QUERY_PARAM_NO_NEW_REQUIRED",
    categories: ["HTTP"],
    purpose: "No query parameter becomes required (an optional one made required, or a new required one).",
    examples: [
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: HttpQueryParamNoDelete.listPets,
          messages: HttpQueryParamNoDelete.listMessages(#"int32 limit = 1 [(sebuf.http.query) = { name: "limit" }];"#)),
        to: HTTPExampleFiles.api(
          service: HttpQueryParamNoDelete.listPets,
          messages: HttpQueryParamNoDelete.listMessages(
            #"↓int32 limit = 1 [(sebuf.http.query) = { name: "limit" required: true }];"#)),
        [
          #"RPC "ListPets" on service "PetService" made query parameter "limit" required on GET "/pets": existing clients do not send it and will get 400 Bad Request."#
        ])
    ])

  func check(_ route: RouteNode, _ previous: RouteNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = Dictionary(previous.route.queryParams.map { ($0.fieldNumber, $0) }) { a, _ in a }
    let fields = pair.current.messages[route.route.inputType]?.fieldsByNumber ?? [:]
    for p in route.route.queryParams where p.required && !(before[p.fieldNumber]?.required ?? false) {
      let what = before[p.fieldNumber] == nil ? "added required query parameter" : "made query parameter"
      let tail = before[p.fieldNumber] == nil ? "" : " required"
      out.add(
        "\(route.rpc) \(what) \(quoted(p.name))\(tail) on \(route.label): existing clients do not send it and will get 400 Bad Request.",
        at: fields[p.fieldNumber]?.location ?? route.location, against: previous.location, file: route.file)
    }
  }
}
