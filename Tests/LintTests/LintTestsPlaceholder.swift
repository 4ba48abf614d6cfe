import Testing
import Lint

@Suite struct LintTestsPlaceholder {
  @Test func builds() { #expect(Bool(true)) }
}
