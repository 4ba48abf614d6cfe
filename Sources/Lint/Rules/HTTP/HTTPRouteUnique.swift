import Proto

/// No two methods of the workspace serve the same HTTP method and path.
///
/// Paths compare with variable names erased (`/pets/{id}` = `/pets/{pet_id}`), since a
/// router cannot tell them apart; Go's ServeMux panics on such duplicates and OpenAPI
/// silently keeps one.
struct HTTPRouteUnique: LintRule {
  static let info = RuleInfo(
    id: "HTTP_ROUTE_UNIQUE",
    categories: ["HTTP"],
    purpose:
      "Checks that no two methods across all services share an HTTP method and effective path (base path joined).",
    good: [
      HTTPExample.file(
        "message GetPetRequest { string id = 1; }\nmessage GetPetResponse {}\nmessage DeletePetRequest { string id = 1; }\nmessage DeletePetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    option (sebuf.http.config) = { path: \"/pets/{id}\" method: HTTP_METHOD_GET };\n  }\n  rpc DeletePet(DeletePetRequest) returns (DeletePetResponse) {\n    option (sebuf.http.config) = { path: \"/pets/{id}\" method: HTTP_METHOD_DELETE };\n  }\n}\n"
      )
    ],
    bad: [
      HTTPExample.file(
        "message GetPetRequest { string id = 1; }\nmessage GetPetResponse {}\nmessage FetchPetRequest { string pet_id = 1; }\nmessage FetchPetResponse {}\nservice PetService {\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    option (sebuf.http.config) = { path: \"/pets/{id}\" method: HTTP_METHOD_GET };\n  }\n  rpc FetchPet(FetchPetRequest) returns (FetchPetResponse) {\n    ↓option (sebuf.http.config) = { path: \"/pets/{pet_id}\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    var first: [String: RouteElement] = [:]
    for r in context.routes where r.route.hasConfig {
      let key = r.route.verb.rawValue + " " + Self.shape(r.route.fullPath)
      if let other = first[key] {
        var whereText = ""
        let otherFile = context.files[other.file]
        if let span = otherFile.locations.span(context.configPath(other)) {
          whereText = " (\(span.file):\(span.start.line):\(span.start.column))"
        }
        out.report(
          "Route \(r.route.verb.rawValue) \(r.route.fullPath) of RPC \(q(r.route.service + "." + r.route.name)) is already served by RPC \(q(other.route.service + "." + other.route.name))\(whereText); routes must be unique across all services.",
          file: r.file, path: context.configPath(r))
      } else {
        first[key] = r
      }
    }
  }

  /// The path with variable names erased and a trailing `/` dropped.
  static func shape(_ path: String) -> String {
    var out = ""
    var inVar = false
    for c in path {
      if c == "{" {
        inVar = true
        out += "{}"
      } else if c == "}" {
        inVar = false
      } else if !inVar {
        out.append(c)
      }
    }
    if out.count > 1 && out.hasSuffix("/") { out.removeLast() }
    return out
  }
}
