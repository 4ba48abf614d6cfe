// Fast unit tests of the breaking engine's pieces that need no tools: the catalog, the
// `--against` grammar, path and package matching.
import Lint
import Testing

@testable import Lint

@Suite("Breaking units")
struct BreakingUnitTests {
  @Test func catalogMatchesBufV2Membership() {
    let catalog = BreakingCatalog.catalog
    let rules = catalog.rules.map { (info: $0, categories: catalog.categories(of: $0.id)) }
    let ids = rules.map(\.info.id)
    #expect(Set(ids).count == ids.count, "duplicate rule ids")
    // buf 1.75 `buf config ls-breaking-rules --version v2`: 64 rules, FILE has 51.
    let buf = rules.filter { !$0.categories.contains("HTTP") }
    #expect(buf.count == 64)
    #expect(buf.filter { $0.categories.contains("FILE") }.count == 51)
    #expect(buf.filter { $0.categories.contains("PACKAGE") }.count == 51)
    #expect(buf.filter { $0.categories.contains("WIRE_JSON") }.count == 22)
    #expect(buf.filter { $0.categories.contains("WIRE") }.count == 15)
    for r in rules {
      #expect(!r.categories.isEmpty, "\(r.info.id) is in no category")
      #expect(r.info.id == r.info.id.uppercased() && !r.info.id.contains(" "))
      #expect(r.info.purpose.hasSuffix("."), "\(r.info.id): purpose should be a sentence")
    }
  }

  @Test func idsMatchCaseAndSeparatorInsensitively() {
    var s = BreakingSettings()
    s.use = ["http-route-same-stream", "wire"]
    s.except = ["Field_Wire_Compatible_Type"]
    let (ids, errors) = BreakingChecker.selectRules(s)
    #expect(errors.isEmpty)
    #expect(ids.contains("HTTP_ROUTE_SAME_STREAM"))
    #expect(ids.contains("FIELD_WIRE_COMPATIBLE_CARDINALITY"))
    #expect(!ids.contains("FIELD_WIRE_COMPATIBLE_TYPE"))
    #expect(!ids.contains("FIELD_NO_DELETE"))
  }

  @Test func unknownIdIsAnError() {
    var s = BreakingSettings()
    s.use = ["FILE", "NOPE_RULE"]
    let (_, errors) = BreakingChecker.selectRules(s)
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("\"NOPE_RULE\"") == true)
  }

  @Test func unstablePackages() {
    for p in ["a.v1beta1", "a.v1alpha", "a.v2test", "a.v1testfoo", "a.v1p1alpha1", "foo.bar.v3beta"] {
      #expect(PackageStability.isUnstable(p), "\(p)")
    }
    for p in ["a.v1", "a.v10", "a", "", "a.beta", "a.v1.beta1", "a.vbeta1"] {
      #expect(!PackageStability.isUnstable(p), "\(p)")
    }
  }

}
