import Proto

/// The path clients call does not change (base path included).
struct HttpRouteSamePath: RoutePairRule {
  static let info = RuleInfo(
    id: "HTTP_ROUTE_SAME_PATH",
    categories: ["HTTP"],
    purpose: "Routes keep their path, base path included, so existing URLs still resolve.",
    examples: [
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: """
              rpc GetPet(GetPetRequest) returns (Pet) {
                option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET };
              }

            """, serviceOptions: "  option (sebuf.http.service_config) = { base_path: \"/api/v1\" };\n"),
        to: HTTPExampleFiles.api(
          service: """
              rpc GetPet(GetPetRequest) returns (Pet) {
                ↓option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET };
              }

            """,
          serviceOptions: "  option (sebuf.http.service_config) = { base_path: \"/api/v2\" };\n"),
        [
          #"RPC "GetPet" on service "PetService" changed path from "/api/v1/pets/{id}" to "/api/v2/pets/{id}": existing clients call GET "/api/v1/pets/{id}" and will get 404 Not Found."#
        ]),
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
                ↓option (sebuf.http.config) = { path: "/pet/{id}" method: HTTP_METHOD_GET };
              }

            """),
        [
          #"RPC "GetPet" on service "PetService" changed path from "/pets/{id}" to "/pet/{id}": existing clients call GET "/pets/{id}" and will get 404 Not Found."#
        ]),
    ])

  func check(_ route: RouteNode, _ previous: RouteNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    let before = previous.effectivePath
    let after = route.effectivePath
    // A renamed path variable keeps the URL shape; HTTP_PATH_VARIABLE_SAME_NAME reports it.
    guard shape(before) != shape(after) else { return }
    out.add(
      "\(route.rpc) changed path from \(quoted(before)) to \(quoted(after)): existing clients call \(previous.route.verb.rawValue) \(quoted(before)) and will get 404 Not Found.",
      at: route.location(4, SebufExtension.config) ?? route.location, against: previous.location, file: route.file)
  }

  /// The path with every `{variable}` replaced by `{}`.
  private func shape(_ path: String) -> String {
    var out = ""
    var inVariable = false
    for c in path {
      if c == "{" {
        inVariable = true
        out += "{}"
      } else if c == "}" {
        inVariable = false
      } else if !inVariable {
        out.append(c)
      }
    }
    return out
  }
}
