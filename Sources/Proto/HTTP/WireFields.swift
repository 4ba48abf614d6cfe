/// A minimal protobuf wire-format reader, enough to decode option extensions that
/// descriptors carry as unknown fields (sebuf's annotations among them).
///
/// Malformed input ends the iteration quietly: options come from our own compiler or
/// from protoc, so a truncated field means "absent", never a crash.
public struct WireFields: Sequence, Sendable {
  /// One field occurrence.
  public struct Field: Sendable {
    public var number: Int32
    public var wireType: UInt8
    /// Varint, fixed32 and fixed64 values (zero for length-delimited).
    public var scalar: UInt64
    /// Length-delimited payload (empty for other wire types).
    public var bytes: ArraySlice<UInt8>
  }

  public let data: [UInt8]

  public init(_ data: [UInt8]) { self.data = data }

  public func makeIterator() -> Iterator { Iterator(data: data) }

  public struct Iterator: IteratorProtocol {
    let data: [UInt8]
    var i = 0

    mutating func varint() -> UInt64? {
      var result: UInt64 = 0
      var shift: UInt64 = 0
      while i < data.count, shift < 64 {
        let b = data[i]
        i += 1
        result |= UInt64(b & 0x7f) << shift
        if b & 0x80 == 0 { return result }
        shift += 7
      }
      return nil
    }

    public mutating func next() -> Field? {
      guard i < data.count, let key = varint() else { return nil }
      let number = Int32(truncatingIfNeeded: key >> 3)
      let wt = UInt8(key & 7)
      switch wt {
      case 0:
        guard let v = varint() else { return nil }
        return Field(number: number, wireType: wt, scalar: v, bytes: [])
      case 1:
        guard i + 8 <= data.count else { return nil }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(data[i + k]) << (8 * UInt64(k)) }
        i += 8
        return Field(number: number, wireType: wt, scalar: v, bytes: [])
      case 2:
        guard let n = varint(), n <= UInt64(data.count - i) else { return nil }
        let slice = data[i..<(i + Int(n))]
        i += Int(n)
        return Field(number: number, wireType: wt, scalar: 0, bytes: slice)
      case 5:
        guard i + 4 <= data.count else { return nil }
        var v: UInt64 = 0
        for k in 0..<4 { v |= UInt64(data[i + k]) << (8 * UInt64(k)) }
        i += 4
        return Field(number: number, wireType: wt, scalar: v, bytes: [])
      case 3:
        // Group start: skip to the matching end, keeping nesting.
        var depth = 1
        while depth > 0 {
          guard let inner = next() else { return nil }
          if inner.wireType == 3 { depth += 1 }
          if inner.wireType == 4 { depth -= 1 }
        }
        return next()
      case 4:
        return Field(number: number, wireType: wt, scalar: 0, bytes: [])
      default:
        return nil
      }
    }
  }

  /// All length-delimited occurrences of `number`, concatenated: protobuf's merge
  /// semantics for a singular message field written more than once.
  public func mergedMessage(_ number: Int32) -> [UInt8]? {
    var out: [UInt8]?
    for f in self where f.number == number && f.wireType == 2 {
      if out == nil { out = [] }
      out?.append(contentsOf: f.bytes)
    }
    return out
  }

  /// The last scalar occurrence of `number` (last one wins, as in protobuf).
  public func lastScalar(_ number: Int32) -> UInt64? {
    var v: UInt64?
    for f in self where f.number == number && f.wireType != 2 { v = f.scalar }
    // A packed repeated value is not expected for the singular fields read this way.
    return v
  }

  /// The last length-delimited occurrence of `number` as UTF-8 text.
  public func lastString(_ number: Int32) -> String? {
    var v: String?
    for f in self where f.number == number && f.wireType == 2 { v = String(decoding: f.bytes, as: UTF8.self) }
    return v
  }

  /// Every length-delimited occurrence of `number` (a repeated string or message field).
  public func all(_ number: Int32) -> [ArraySlice<UInt8>] {
    var out: [ArraySlice<UInt8>] = []
    for f in self where f.number == number && f.wireType == 2 { out.append(f.bytes) }
    return out
  }
}
