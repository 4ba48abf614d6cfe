import Foundation
import SwiftProtobuf

/// Serializes a `FileDescriptorProto` with its `source_code_info` written by hand.
///
/// SwiftProtobuf sizes every nested message before writing it, so the many small
/// `Location`s of a file's source info are walked several times; they make up most of
/// an image's bytes. Writing them directly in one pass produces the same bytes (fields
/// in number order, packed paths and spans, optional strings only when present).
enum FileWriter {
  static func serialize(_ d: Google_Protobuf_FileDescriptorProto) throws -> [UInt8] {
    guard d.hasSourceCodeInfo, d.unknownFields.data.isEmpty,
      d.sourceCodeInfo.unknownFields.data.isEmpty,
      d.sourceCodeInfo == sourceInfoWithoutExtensions(d.sourceCodeInfo)
    else { return try d.serializedBytes() }
    // Fields 1-8 come before source_code_info (9); 10 and up come after it.
    var head = d
    head.clearSourceCodeInfo()
    head.publicDependency = []
    head.weakDependency = []
    head.clearSyntax()
    head.clearEdition()
    head.optionDependency = []
    var tail = Google_Protobuf_FileDescriptorProto()
    tail.publicDependency = d.publicDependency
    tail.weakDependency = d.weakDependency
    if d.hasSyntax { tail.syntax = d.syntax }
    if d.hasEdition { tail.edition = d.edition }
    tail.optionDependency = d.optionDependency

    var out: [UInt8] = try head.serializedBytes()
    var info = BinaryWriter()
    for loc in d.sourceCodeInfo.location {
      guard loc.unknownFields.data.isEmpty else { return try d.serializedBytes() }
      info.location(loc)
    }
    out.append(0x4A)  // field 9, length-delimited
    BinaryWriter.appendVarint(UInt64(info.bytes.count), to: &out)
    out += info.bytes
    out += try tail.serializedBytes() as [UInt8]
    return out
  }

  /// The source info with only its locations: equal to the original when it carries
  /// no extension fields (which the hand-written path does not write).
  private static func sourceInfoWithoutExtensions(_ s: Google_Protobuf_SourceCodeInfo) -> Google_Protobuf_SourceCodeInfo
  {
    var plain = Google_Protobuf_SourceCodeInfo()
    plain.location = s.location
    return plain
  }
}

/// Appends protobuf wire-format bytes for `SourceCodeInfo.Location`s.
struct BinaryWriter {
  var bytes: [UInt8] = []

  mutating func location(_ loc: Google_Protobuf_SourceCodeInfo.Location) {
    var body: [UInt8] = []
    Self.packed(loc.path, field: 1, to: &body)
    Self.packed(loc.span, field: 2, to: &body)
    if loc.hasLeadingComments { Self.string(loc.leadingComments, field: 3, to: &body) }
    if loc.hasTrailingComments { Self.string(loc.trailingComments, field: 4, to: &body) }
    for c in loc.leadingDetachedComments { Self.string(c, field: 6, to: &body) }
    bytes.append(0x0A)  // SourceCodeInfo.location = 1
    Self.appendVarint(UInt64(body.count), to: &bytes)
    bytes += body
  }

  static func packed(_ values: [Int32], field: UInt8, to out: inout [UInt8]) {
    guard !values.isEmpty else { return }
    var size = 0
    for v in values { size += varintSize(UInt64(bitPattern: Int64(v))) }
    out.append(field << 3 | 2)
    appendVarint(UInt64(size), to: &out)
    for v in values { appendVarint(UInt64(bitPattern: Int64(v)), to: &out) }
  }

  static func string(_ s: String, field: UInt8, to out: inout [UInt8]) {
    var s = s
    s.withUTF8 { utf8 in
      out.append(field << 3 | 2)
      appendVarint(UInt64(utf8.count), to: &out)
      out.append(contentsOf: utf8)
    }
  }

  static func varintSize(_ v: UInt64) -> Int {
    var n = 1
    var v = v
    while v >= 0x80 {
      v >>= 7
      n += 1
    }
    return n
  }

  static func appendVarint(_ v: UInt64, to out: inout [UInt8]) {
    var v = v
    while v >= 0x80 {
      out.append(UInt8(v & 0x7f) | 0x80)
      v >>= 7
    }
    out.append(UInt8(v))
  }
}
