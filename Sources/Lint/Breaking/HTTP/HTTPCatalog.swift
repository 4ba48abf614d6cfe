// The HTTP rules: sebuf's rules over the annotation model. buf has no view of these:
// they live in `(sebuf.http.*)` options, which buf does not compare (#2064).
extension BreakingCatalog {
  static let httpRuleTypes: [any BreakingRule.Type] = [
    HttpEnumValueSameJsonName.self, HttpFieldSameJsonMapping.self, HttpHeaderNoNewRequired.self,
    HttpPathVariableSameName.self, HttpQueryParamNoDelete.self, HttpQueryParamNoNewRequired.self,
    HttpQueryParamSameName.self, HttpRouteNoDelete.self, HttpRouteSameMethod.self, HttpRouteSamePath.self,
    HttpRouteSameStream.self,
  ]
}
