/// Protobuf wire-format writing and reading for option values, which protoc keeps
/// as unknown fields of the options messages.
struct WireWriter {
  var bytes: [UInt8] = []

  enum WireType: UInt8 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5
  }

  mutating func varint(_ v: UInt64) {
    var v = v
    while v >= 0x80 {
      bytes.append(UInt8(v & 0x7f) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func tag(_ number: Int32, _ type: WireType) {
    varint(UInt64(UInt32(bitPattern: number) << 3 | UInt32(type.rawValue)))
  }

  mutating func fixed32(_ v: UInt32) {
    for i in 0..<4 { bytes.append(UInt8((v >> (8 * UInt32(i))) & 0xff)) }
  }

  mutating func fixed64(_ v: UInt64) {
    for i in 0..<8 { bytes.append(UInt8((v >> (8 * UInt64(i))) & 0xff)) }
  }

  mutating func lengthDelimited(_ number: Int32, _ payload: [UInt8]) {
    tag(number, .lengthDelimited)
    varint(UInt64(payload.count))
    bytes += payload
  }

  static func zigzag32(_ v: Int32) -> UInt64 { UInt64(UInt32(bitPattern: (v << 1) ^ (v >> 31))) }
  static func zigzag64(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
}

/// One top-level record of serialized fields (what protoc's `UnknownFieldSet` holds).
struct WireRecord {
  var number: Int32
  var type: WireWriter.WireType
  /// For length-delimited: the payload; for groups: the bytes between the tags.
  var payload: [UInt8]

  /// The record's bytes, tag included.
  func encoded() -> [UInt8] {
    var w = WireWriter()
    switch type {
    case .lengthDelimited:
      w.lengthDelimited(number, payload)
    case .startGroup:
      w.tag(number, .startGroup)
      w.bytes += payload
      w.tag(number, .endGroup)
    default:
      w.tag(number, type)
      w.bytes += payload
    }
    return w.bytes
  }

  /// Splits bytes into records; nil when malformed.
  static func parse(_ b: [UInt8]) -> [WireRecord]? {
    var i = 0
    var out: [WireRecord] = []
    func readVarint() -> UInt64? {
      var v: UInt64 = 0
      var shift: UInt64 = 0
      while i < b.count {
        let c = b[i]
        i += 1
        v |= UInt64(c & 0x7f) << shift
        if c < 0x80 { return v }
        shift += 7
        if shift > 63 { return nil }
      }
      return nil
    }
    func skipGroup(_ number: UInt64) -> Int? {
      // Returns the index of the end-group tag.
      while i < b.count {
        let start = i
        guard let key = readVarint() else { return nil }
        let wt = key & 7
        switch wt {
        case 0: guard readVarint() != nil else { return nil }
        case 1: i += 8
        case 5: i += 4
        case 2:
          guard let n = readVarint() else { return nil }
          i += Int(n)
        case 3: guard skipGroup(key >> 3) != nil else { return nil }
        case 4: return (key >> 3) == number ? start : nil
        default: return nil
        }
        if i > b.count { return nil }
      }
      return nil
    }
    while i < b.count {
      guard let key = readVarint(), let wt = WireWriter.WireType(rawValue: UInt8(key & 7)) else { return nil }
      let num = Int32(truncatingIfNeeded: key >> 3)
      let start = i
      switch wt {
      case .varint:
        guard readVarint() != nil else { return nil }
        out.append(WireRecord(number: num, type: wt, payload: Array(b[start..<i])))
      case .fixed64, .fixed32:
        i += wt == .fixed64 ? 8 : 4
        guard i <= b.count else { return nil }
        out.append(WireRecord(number: num, type: wt, payload: Array(b[start..<i])))
      case .lengthDelimited:
        guard let n = readVarint(), i + Int(n) <= b.count else { return nil }
        out.append(WireRecord(number: num, type: wt, payload: Array(b[i..<(i + Int(n))])))
        i += Int(n)
      case .startGroup:
        guard let end = skipGroup(key >> 3) else { return nil }
        out.append(WireRecord(number: num, type: wt, payload: Array(b[start..<end])))
      case .endGroup:
        return nil
      }
    }
    return out
  }
}
