import Testing
import Proto

@Suite struct OracleTestsPlaceholder {
  @Test func builds() { #expect(Bool(true)) }
}
