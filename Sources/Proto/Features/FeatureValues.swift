import SwiftProtobuf

/// A `FeatureSet` as protoc's feature resolver merges it: each feature's value by field
/// number, and each FeatureSet extension (the language features `pb.cpp`, `pb.java`, `pb.go`
/// and any custom feature message) as its own values by field number. Merging a child over a
/// parent is protobuf's `MergeFrom`: a set scalar replaces, an extension message merges field
/// by field. Feature fields are enums and bools (protoc refuses anything else as a feature),
/// so a value is kept as its wire record; two levels are all a FeatureSet has.
struct FeatureValues: Equatable, Sendable {
  /// One field's last occurrence, as wire type and payload (varint value, fixed bits, or bytes).
  struct Scalar: Equatable, Sendable {
    var wireType: UInt8
    var bits: UInt64
    var bytes: [UInt8]
  }

  /// The FeatureSet's own fields (field_presence = 1 …).
  var fields: [Int32: Scalar] = [:]
  /// Extensions of FeatureSet (numbers 1000 and up): each a message of scalar features.
  var extensions: [Int32: [Int32: Scalar]] = [:]

  init() {}

  /// Reads a FeatureSet, its extensions included (swift-protobuf keeps them as unknown fields).
  init(_ set: Google_Protobuf_FeatureSet) {
    self.init(bytes: (try? set.serializedBytes()) ?? [])
  }

  init(bytes: [UInt8]) {
    for f in WireFields(bytes) {
      if f.wireType == 2, f.number >= Self.firstExtension {
        var inner = extensions[f.number] ?? [:]
        for g in WireFields(Array(f.bytes)) { inner[g.number] = Self.scalar(g) }
        extensions[f.number] = inner
      } else {
        fields[f.number] = Self.scalar(f)
      }
    }
  }

  /// FeatureSet's extension range starts at 1000 (`extensions 1000 to 9994` and up).
  static let firstExtension: Int32 = 1000

  private static func scalar(_ f: WireFields.Field) -> Scalar {
    Scalar(wireType: f.wireType, bits: f.scalar, bytes: Array(f.bytes))
  }

  /// `other`'s values over these, as `MergeFrom(other)`.
  mutating func merge(_ other: FeatureValues) {
    fields.merge(other.fields) { _, new in new }
    for (number, values) in other.extensions {
      extensions[number, default: [:]].merge(values) { _, new in new }
    }
  }

  var isEmpty: Bool { fields.isEmpty && extensions.isEmpty }

  /// The varint value of a FeatureSet field, if set.
  func value(_ field: Int32) -> UInt64? {
    guard let s = fields[field], s.wireType == 0 else { return nil }
    return s.bits
  }

  mutating func set(_ field: Int32, _ value: UInt64) {
    fields[field] = Scalar(wireType: 0, bits: value, bytes: [])
  }

  /// The varint value of field `field` of extension `ext`, if set.
  func value(extension ext: Int32, field: Int32) -> UInt64? {
    guard let s = extensions[ext]?[field], s.wireType == 0 else { return nil }
    return s.bits
  }

  mutating func set(extension ext: Int32, field: Int32, _ value: UInt64) {
    extensions[ext, default: [:]][field] = Scalar(wireType: 0, bits: value, bytes: [])
  }

  /// The canonical encoding: fields, then extensions, each in field-number order.
  var serialized: [UInt8] {
    var w = WireWriter()
    for number in fields.keys.sorted() { Self.write(fields[number]!, number, &w) }
    for number in extensions.keys.sorted() {
      var inner = WireWriter()
      let values = extensions[number]!
      for n in values.keys.sorted() { Self.write(values[n]!, n, &inner) }
      w.lengthDelimited(number, inner.bytes)
    }
    return w.bytes
  }

  private static func write(_ s: Scalar, _ number: Int32, _ w: inout WireWriter) {
    switch s.wireType {
    case 0:
      w.tag(number, .varint)
      w.varint(s.bits)
    case 1:
      w.tag(number, .fixed64)
      w.fixed64(s.bits)
    case 5:
      w.tag(number, .fixed32)
      w.fixed32(UInt32(truncatingIfNeeded: s.bits))
    default:
      w.lengthDelimited(number, s.bytes)
    }
  }

  /// As a `FeatureSet` message; extensions stay in its unknown fields, one record each.
  var featureSet: Google_Protobuf_FeatureSet {
    (try? Google_Protobuf_FeatureSet(serializedBytes: serialized)) ?? Google_Protobuf_FeatureSet()
  }
}
