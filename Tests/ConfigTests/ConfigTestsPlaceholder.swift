import Testing
import Config

@Suite struct ConfigTestsPlaceholder {
  @Test func builds() { #expect(Bool(true)) }
}
