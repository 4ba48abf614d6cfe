import Testing
import Backends

@Suite struct BackendsTestsPlaceholder {
  @Test func builds() { #expect(Bool(true)) }
}
