import Proto

/// The SSE `stream` flag of a route does not change.
///
/// A client generated for an event stream reads `text/event-stream` frames; after the flip it
/// gets one JSON body (or the reverse), and every call fails or hangs. buf cannot see this: the
/// flag lives in `(sebuf.http.config)`.
struct HttpRouteSameStream: RoutePairRule {
  static let info = RuleInfo(
    id: "HTTP_ROUTE_SAME_STREAM",
    categories: ["HTTP"],
    purpose: "Routes stay Server-Sent Events streams or plain JSON responses (the `stream` flag).",
    examples: [
      RuleExample.change(
        from: HTTPExampleFiles.api(
          service: """
              rpc WatchPets(GetPetRequest) returns (Pet) {
                option (sebuf.http.config) = { path: "/pets/watch" method: HTTP_METHOD_GET stream: true };
              }

            """),
        to: HTTPExampleFiles.api(
          service: """
              rpc WatchPets(GetPetRequest) returns (Pet) {
                ↓option (sebuf.http.config) = { path: "/pets/watch" method: HTTP_METHOD_GET };
              }

            """),
        [
          #"RPC "WatchPets" on service "PetService" changed from a Server-Sent Events stream to a single JSON response: existing clients of GET "/pets/watch" wait for `text/event-stream` events and will get one JSON body instead."#
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
                ↓option (sebuf.http.config) = { path: "/pets/{id}" method: HTTP_METHOD_GET stream: true };
              }

            """),
        [
          #"RPC "GetPet" on service "PetService" changed from a single JSON response to a Server-Sent Events stream: existing clients of GET "/pets/{id}" expect one JSON body and will get `text/event-stream` frames instead."#
        ]),
    ])

  func check(_ route: RouteNode, _ previous: RouteNode, _ pair: SchemaPair, _ out: inout BreakingFindings) {
    guard route.route.stream != previous.route.stream else { return }
    let message =
      route.route.stream
      ? "\(route.rpc) changed from a single JSON response to a Server-Sent Events stream: existing clients of \(route.label) expect one JSON body and will get `text/event-stream` frames instead."
      : "\(route.rpc) changed from a Server-Sent Events stream to a single JSON response: existing clients of \(route.label) wait for `text/event-stream` events and will get one JSON body instead."
    out.add(
      message, at: route.location(4, SebufExtension.config) ?? route.location, against: previous.location,
      file: route.file)
  }
}
