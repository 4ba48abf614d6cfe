import SwiftProtobuf

/// protoc re-reads each interpreted options message with its pool, which finds extensions
/// by number: when two files extend the same message with the same number (a warning), the
/// one registered first is what the bytes are read as, whichever one the option named,
/// even one from a file the current file does not import. A value that does not fit it
/// (another wire type) stays an unknown field, after the known ones; a repeated packed one
/// is packed. Pass 4 canonicalizes with the extension each option named (the other files
/// may not be linked yet); once every file's extension numbers are registered (in file
/// order, as protoc builds them), files that named a losing extension are re-read here.
extension FileLinker {
  /// Serial, after `registerExtensionNumbers` of every file of the batch.
  func rereadOptionsWithClashingExtensions() {
    defer { writtenOptions = [:] }
    guard !writtenOptions.isEmpty,
      optionExtensions.values.contains(where: { named in
        guard let winner = named.containing?.extensionsByNumber[named.number] else { return false }
        return winner !== named
      })
    else { return }
    // The first registered extension of a number is in a file linked no later than the one
    // named, so it is in this file's pool too.
    let canonicalizer = OptionCanonicalizer { m, n in m.fieldsByNumber[n] ?? m.extensionsByNumber[n] }
    let written = writtenOptions
    // `written` is checked before the options field is touched: writing an unset one back
    // would set it.
    func reread<T, O: OptionsMessage>(_ element: inout T, _ options: WritableKeyPath<T, O>, _ path: [Int32]) {
      guard let (bytes, type) = written[path],
        var reread = try? O(serializedBytes: canonicalizer.canonicalize(bytes, type), extensions: nil, partial: true),
        (try? Self.orderUnknownStandardFields(&reread)) != nil
      else { return }
      // Only the custom options change: standard fields stay as later passes left them
      // (features are canonicalized after pass 4).
      element[keyPath: options].unknownFields = reread.unknownFields
    }
    func rereadEnum(_ e: inout EnumProto, _ path: [Int32]) {
      reread(&e, \.options, path)
      e.updateEach(\.value) { i, v in reread(&v, \.options, path + [2, Int32(i)]) }
    }
    // Message nesting is bounded by the parser's maxNesting.
    func rereadMessage(_ m: inout MessageProto, _ path: [Int32]) {
      reread(&m, \.options, path)
      m.updateEach(\.field) { i, f in reread(&f, \.options, path + [2, Int32(i)]) }
      m.updateEach(\.oneofDecl) { i, o in reread(&o, \.options, path + [8, Int32(i)]) }
      m.updateEach(\.extensionRange) { i, r in reread(&r, \.options, path + [5, Int32(i)]) }
      m.updateEach(\.extension) { i, f in reread(&f, \.options, path + [6, Int32(i)]) }
      m.updateEach(\.nestedType) { i, n in rereadMessage(&n, path + [3, Int32(i)]) }
      m.updateEach(\.enumType) { i, e in rereadEnum(&e, path + [4, Int32(i)]) }
    }
    reread(&file, \.options, [])
    file.updateEach(\.messageType) { i, m in rereadMessage(&m, [4, Int32(i)]) }
    file.updateEach(\.enumType) { i, e in rereadEnum(&e, [5, Int32(i)]) }
    file.updateEach(\.service) { i, s in
      reread(&s, \.options, [6, Int32(i)])
      s.updateEach(\.method) { j, m in reread(&m, \.options, [6, Int32(i), 2, Int32(j)]) }
    }
    file.updateEach(\.extension) { i, f in reread(&f, \.options, [7, Int32(i)]) }
  }
}
