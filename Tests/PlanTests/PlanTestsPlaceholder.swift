import Testing
import Plan

@Suite struct PlanTestsPlaceholder {
  @Test func builds() { #expect(Bool(true)) }
}
