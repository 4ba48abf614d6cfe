/// Routes are not removed.
struct HttpRouteNoDelete: BreakingRule {
  static let info = RuleInfo(
    id: "HTTP_ROUTE_NO_DELETE",
    categories: ["HTTP"],
    purpose: "HTTP routes are not removed (their RPC or service deleted, or the service moved).",
    examples: [
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: """
              rpc GetPet(GetPetRequest) returns (Pet) {
                option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET };
              }
              rpc DeletePet(GetPetRequest) returns (Pet) {
                option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_DELETE };
              }

            """),
        to: HTTPExampleFiles.api(
          service: """
              rpc GetPet(GetPetRequest) returns (Pet) {
                option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET };
              }

            """, markService: true),
        [
          #"Previously present route DELETE "/pets/{id}" (RPC "DeletePet" on service "PetService") was deleted: its clients will get 404 Not Found."#
        ])
    ])

  func check(_ pair: SchemaPair, _ out: inout BreakingFindings) {
    let (cur, prev) = pair.http
    for (serviceName, routes) in prev.routes.sorted(by: { $0.key < $1.key }) {
      let currentRoutes = cur.routes[serviceName]
      let currentService = pair.current.services[serviceName]
      for (name, p) in routes.sorted(by: { $0.key < $1.key }) where currentRoutes?[name] == nil {
        out.add(
          "Previously present route \(p.label) (\(p.rpc)) was deleted: its clients will get 404 Not Found.",
          at: currentService?.location, against: p.location,
          file: currentService?.file ?? pair.current.fileByName[p.file.name], againstFile: p.file)
      }
    }
  }
}
