// The HTTP category: sebuf's rules over the annotation model. buf has no view of these:
// they live in `(sebuf.http.*)` options, which buf does not compare (#2064).
extension BreakingCatalog {
  static let httpEntries: [Entry] = [
    Entry(rule: HttpEnumValueSameJsonName.self, categories: ["HTTP"]),
    Entry(rule: HttpFieldSameJsonMapping.self, categories: ["HTTP"]),
    Entry(rule: HttpHeaderNoNewRequired.self, categories: ["HTTP"]),
    Entry(rule: HttpPathVariableSameName.self, categories: ["HTTP"]),
    Entry(rule: HttpQueryParamNoDelete.self, categories: ["HTTP"]),
    Entry(rule: HttpQueryParamNoNewRequired.self, categories: ["HTTP"]),
    Entry(rule: HttpQueryParamSameName.self, categories: ["HTTP"]),
    Entry(rule: HttpRouteNoDelete.self, categories: ["HTTP"]),
    Entry(rule: HttpRouteSameMethod.self, categories: ["HTTP"]),
    Entry(rule: HttpRouteSamePath.self, categories: ["HTTP"]),
    Entry(rule: HttpRouteSameStream.self, categories: ["HTTP"]),
  ]
}
