import Testing
import Proto

@Suite struct ProtoTestsPlaceholder {
  @Test func builds() { #expect(Bool(true)) }
}
