import Config
import Plan
import Testing

@Suite struct BackendRegistryTests {
  /// Config's list and the registry agree: every ``BackendID`` is registered under its
  /// own id, and nothing else is.
  @Test func everyBackendIDIsRegisteredUnderItsID() {
    for id in BackendID.allCases {
      #expect(BackendRegistry.registration(for: id).backend.name == id.rawValue)
    }
    #expect(BackendRegistry.native.ids == GenerateEntry.nativeBackends.sorted())
  }
}
