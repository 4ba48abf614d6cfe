import Proto

/// Query parameter names are unique within a request message.
struct HTTPQueryParamUnique: MessageLintRule {
  static let info = RuleInfo(
    id: "HTTP_QUERY_PARAM_UNIQUE",
    categories: ["HTTP"],
    purpose: "Checks that the query parameter names of a request message are unique.",
    good: [
      HTTPExample.file(
        "message SearchRequest {\n  string q = 1 [(sebuf.http.query) = { name: \"q\" }];\n  int32 limit = 2 [(sebuf.http.query) = { name: \"limit\" }];\n}\n"
      )
    ],
    bad: [
      HTTPExample.file(
        "message SearchRequest {\n  string q = 1 [(sebuf.http.query) = { name: \"q\" }];\n  string query = 2 [↓(sebuf.http.query) = { name: \"q\" }];\n}\n"
      )
    ])

  func check(message: MessageElement, _ context: LintContext, _ out: inout FindingSink) {
    var firstField: [String: String] = [:]
    for (i, f) in message.descriptor.field.enumerated() {
      guard let query = f.sebuf.query else { continue }
      let name = query.name.isEmpty ? f.name : query.name
      if let other = firstField[name] {
        let element = FieldElement(
          file: message.file, descriptor: f, path: message.path + [2, Int32(i)], parent: message, isExtension: false)
        out.report(
          "Query parameter name \(q(name)) of field \(q(f.name)) is already used by field \(q(other)) of \(q(message.fullName)); query parameter names must be unique.",
          file: message.file, path: context.fieldOptionPath(element, SebufExtension.query))
      } else {
        firstField[name] = f.name
      }
    }
  }
}
