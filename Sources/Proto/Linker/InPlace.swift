import SwiftProtobuf

extension SwiftProtobuf.Message {
  /// Mutates each element of the repeated field at `keyPath` in place.
  ///
  /// Generated messages keep their fields in a class-backed storage, so `m.field[i].x = …`
  /// reads the array out (a second reference), mutates it, and writes it back: every
  /// write copies the whole array, which made linking a message quadratic in its field
  /// count. Taking the array out (and leaving an empty one behind) makes it unique, so each
  /// element write is O(1).
  mutating func updateEach<T>(_ keyPath: WritableKeyPath<Self, [T]>, _ body: (Int, inout T) -> Void) {
    var items = self[keyPath: keyPath]
    guard !items.isEmpty else { return }
    self[keyPath: keyPath] = []
    for i in items.indices { body(i, &items[i]) }
    self[keyPath: keyPath] = items
  }
}
