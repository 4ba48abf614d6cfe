import Basics
import Testing

@Suite struct DidYouMeanTests {
  @Test func aSwappedPairIsOneEdit() {
    #expect(DidYouMean.distance(Array("lnit"), Array("lint")) == 1)
    #expect(DidYouMean.distance(Array("kitten"), Array("sitting")) == 3)
    #expect(DidYouMean.distance(Array(""), Array("abc")) == 3)
  }

  @Test func tiesGoToTheLongerSharedPrefix() {
    #expect(DidYouMean.best("lnit", in: ["init", "lint"]) == "lint")
    #expect(DidYouMean.best("lnit", in: ["lint", "init"]) == "lint")
    #expect(DidYouMean.best("xyzzy", in: ["lint", "init"]) == nil)
  }
}
