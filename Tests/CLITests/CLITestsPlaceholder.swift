import Testing
import Diagnostics

@Suite struct CLITestsPlaceholder {
  @Test func builds() { #expect(Bool(true)) }
}
