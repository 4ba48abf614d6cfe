/// protoc 36 re-parses an interpreted options message with every extension of its
/// pool known, so the message it writes is serialized as a known message: fields and
/// extensions in field-number order, the records of a singular message field merged
/// into one, the last value of a singular scalar kept, repeated values grouped (packed
/// when the field is packed), and only fields nobody declares left at the end as
/// unknown fields, in their original order. protoc 3.21 kept custom options as
/// unknown fields in the order written; this rewrites option bytes the 36.2 way.
/// Proto3 fields without presence are dropped when zero, as a parsed message forgets them.
struct OptionCanonicalizer {
  /// Deeper nesting than this is left as written (protoc's text parser stops far earlier).
  static let maxDepth = 100

  /// The field or extension of a message by number, as the compile knows them.
  let field: (MessageInfo, Int32) -> FieldInfo?

  /// `bytes` (a serialized `message`) in protoc 36's canonical order; bytes it cannot
  /// parse come back unchanged.
  func canonicalize(_ bytes: [UInt8], _ message: MessageInfo, depth: Int = 0) -> [UInt8] {
    guard depth < Self.maxDepth, let records = WireRecord.parse(bytes) else { return bytes }
    var known: [Int32: (field: FieldInfo, records: [WireRecord])] = [:]
    var unknown: [WireRecord] = []
    for r in records {
      guard let f = field(message, r.number), Self.accepts(f, r.type) else {
        unknown.append(r)
        continue
      }
      known[r.number, default: (f, [])].records.append(r)
    }
    var w = WireWriter()
    for number in known.keys.sorted() {
      guard let entry = known[number] else { continue }
      write(entry.field, entry.records, into: &w, depth: depth)
    }
    for r in unknown { w.bytes += r.encoded() }
    return w.bytes
  }

  /// The wire type a non-packed value of `f` has.
  static func wireType(_ f: FieldInfo) -> WireWriter.WireType? {
    switch f.type {
    case .double?, .fixed64?, .sfixed64?: .fixed64
    case .float?, .fixed32?, .sfixed32?: .fixed32
    case .string?, .bytes?, .message?: .lengthDelimited
    case .group?: .startGroup
    case nil: nil
    default: .varint
    }
  }

  /// Whether a record of wire type `t` parses as field `f` (packed records do for
  /// every repeated packable field, as in C++).
  static func accepts(_ f: FieldInfo, _ t: WireWriter.WireType) -> Bool {
    guard let own = wireType(f) else { return false }
    if t == own { return true }
    return t == .lengthDelimited && f.isRepeated && (f.type?.isPackable ?? false)
  }

  private func write(_ f: FieldInfo, _ records: [WireRecord], into w: inout WireWriter, depth: Int) {
    guard let own = Self.wireType(f), let last = records.last else { return }
    if !f.isRepeated {
      if f.isMessageLike, let sub = f.message {
        Self.emit(f, own, canonicalize(records.flatMap(\.payload), sub, depth: depth + 1), into: &w)
      } else if !(Self.hasNoPresence(f) && last.payload.allSatisfy { $0 == 0 }) {
        Self.emit(f, own, last.payload, into: &w)
      }
      return
    }
    // Repeated: every element in order, packed records expanded.
    var elements: [[UInt8]] = []
    for r in records {
      if r.type == own {
        if let sub = f.message, f.isMessageLike {
          elements.append(canonicalize(r.payload, sub, depth: depth + 1))
        } else {
          elements.append(r.payload)
        }
      } else {
        elements += Self.unpack(r.payload, own)
      }
    }
    if f.isPacked {
      guard !elements.isEmpty else { return }
      w.lengthDelimited(f.number, elements.flatMap { $0 })
    } else {
      for e in elements { Self.emit(f, own, e, into: &w) }
    }
  }

  /// A proto3 singular scalar without `optional`: a zero value is not serialized.
  static func hasNoPresence(_ f: FieldInfo) -> Bool {
    f.isProto3File && !f.isRepeated && !f.proto3Optional && !f.inOneof && !f.isMessageLike && !f.isExtension
  }

  private static func emit(_ f: FieldInfo, _ type: WireWriter.WireType, _ payload: [UInt8], into w: inout WireWriter) {
    w.bytes += WireRecord(number: f.number, type: type, payload: payload).encoded()
  }

  /// The elements of a packed payload, each as its raw value bytes.
  private static func unpack(_ payload: [UInt8], _ type: WireWriter.WireType) -> [[UInt8]] {
    var out: [[UInt8]] = []
    var i = 0
    while i < payload.count {
      let start = i
      switch type {
      case .fixed64: i += 8
      case .fixed32: i += 4
      default:
        while i < payload.count && payload[i] >= 0x80 { i += 1 }
        i += 1
      }
      guard i <= payload.count else { break }
      out.append(Array(payload[start..<i]))
    }
    return out
  }
}
