import Proto

/// Method paths and base paths are well formed: a leading `/`, no `//`, no trailing `/`,
/// and balanced `{name}` variables with identifier names.
struct HTTPPathFormat: LintRule {
  static let info = RuleInfo(
    id: "HTTP_PATH_FORMAT",
    categories: ["HTTP"],
    purpose:
      "Checks that method paths and service base paths start with /, have no empty segments or trailing /, and well-formed {variables}.",
    good: [
      HTTPExample.file(
        "message GetPetRequest { string id = 1; }\nmessage GetPetResponse {}\nservice PetService {\n  option (sebuf.http.service_config) = { base_path: \"/api/v1\" };\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    option (sebuf.http.config) = { path: \"/pets/{id}\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ],
    bad: [
      HTTPExample.file(
        "message GetPetRequest { string id = 1; }\nmessage GetPetResponse {}\nservice PetService {\n  ↓option (sebuf.http.service_config) = { base_path: \"api/v1/\" };\n  rpc GetPet(GetPetRequest) returns (GetPetResponse) {\n    ↓option (sebuf.http.config) = { path: \"/pets/{id\" method: HTTP_METHOD_GET };\n  }\n}\n"
      )
    ])

  func check(_ context: LintContext, _ out: inout FindingSink) {
    for s in context.http.services {
      guard let file = context.fileIndex[s.file] else { continue }
      if let base = s.basePath, !base.isEmpty, let problem = Self.problem(base) {
        out.report(
          "Base path \(q(base)) of service \(q(s.name)) \(problem).", file: file,
          path: context.bestPath(file: file, [s.path + [3, SebufExtension.serviceConfig], s.path]))
      }
    }
    for r in context.routes where r.route.hasConfig && !r.route.methodPath.isEmpty {
      if let problem = Self.problem(r.route.methodPath) {
        out.report(
          "Path \(q(r.route.methodPath)) of RPC \(q(r.route.name)) \(problem).", file: r.file,
          path: context.configPath(r))
      }
    }
  }

  /// What is wrong with a path, phrased to follow "Path "x" of RPC "Y" ", or nil.
  static func problem(_ path: String) -> String? {
    if !path.hasPrefix("/") { return "must start with \"/\"" }
    if path.contains("//") { return "must not contain an empty segment (\"//\")" }
    if path.count > 1 && path.hasSuffix("/") { return "must not end with \"/\"" }
    var name: String? = nil
    for c in path {
      switch c {
      case "{":
        if name != nil { return "must not nest \"{\" inside a path variable" }
        name = ""
      case "}":
        guard let n = name else { return "has a \"}\" without a matching \"{\"" }
        if n.isEmpty { return "has an empty path variable \"{}\"" }
        if !isIdentifier(n) {
          return "has path variable \"{\(n)}\"; variable names must be field names (letters, digits, _)"
        }
        name = nil
      default:
        if name != nil { name!.append(c) }
      }
    }
    if name != nil { return "has a \"{\" without a matching \"}\"" }
    return nil
  }

  static func isIdentifier(_ s: String) -> Bool {
    guard let f = s.unicodeScalars.first, f == "_" || (f.isASCII && f.properties.isAlphabetic) else { return false }
    return s.unicodeScalars.allSatisfy {
      $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
    }
  }
}
