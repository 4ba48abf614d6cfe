import Proto

/// No required header is added.
struct HttpHeaderNoNewRequired: RoutePairRule {
  static let info = RuleInfo(
    id: "HTTP_HEADER_NO_NEW_REQUIRED",
    categories: ["HTTP"],
    purpose: "Routes do not start requiring a header (service or method level) that clients do not send.",
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
                option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET };
                ↓option (sebuf.http.method_headers) = { required_headers: [{ name: "X-Tenant" required: true }] };
              }

            """),
        [
          #"RPC "GetPet" on service "PetService" now requires header "X-Tenant" on GET "/pets/{id}": existing clients do not send it and will be rejected."#
        ])
    ])

  func check(_ route: RouteNode, _ previous: RouteNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = Set(previous.route.headers.filter(\.required).map { $0.name.lowercased() })
    for h in route.route.headers where h.required && !before.contains(h.name.lowercased()) {
      let fromMethod = route.route.methodHeaders.contains { $0.name == h.name }
      let at =
        fromMethod
        ? route.location(4, SebufExtension.methodHeaders)
        : route.file.location(route.service.path + [3, SebufExtension.serviceHeaders])
      out.add(
        "\(route.rpc) now requires header \(quoted(h.name)) on \(route.label): existing clients do not send it and will be rejected.",
        at: at ?? route.location, against: previous.location, file: route.file)
    }
  }
}
