// Reads an image file given as `--against`: a FileDescriptorSet in binary (as `sebuf build`,
// `buf build` and `protoc -o` write it) or in JSON (`buf build -o x.json`).
import Foundation
import Proto
import SwiftProtobuf

public enum ImageFileReader {
  /// Reads `path` as an Image. buf images mark imports (ImageFile field 8042); other
  /// images treat the well-known types and the bundled sebuf protos as imports.
  public static func read(_ path: String, format: AgainstInput.ImageFormat) throws -> Image {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw AgainstError("--against: cannot read image file \(path): no such file.")
    }
    let set: Google_Protobuf_FileDescriptorSet
    do {
      switch format {
      case .binary: set = try Google_Protobuf_FileDescriptorSet(serializedBytes: data)
      case .json:
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        set = try Google_Protobuf_FileDescriptorSet(jsonUTF8Data: data, options: options)
      }
    } catch {
      throw AgainstError(
        "--against: \(path) is not a \(format == .json ? "JSON" : "binary") image (a FileDescriptorSet as written by `sebuf build`, `buf build` or `protoc -o`): \(error).")
    }
    if set.file.isEmpty {
      throw AgainstError("--against: \(path) holds no files; is it an image written by `sebuf build`, `buf build` or `protoc -o`?")
    }
    return Image(files: set.file.map { ImageFile(descriptor: $0, isImport: isImport($0)) })
  }

  static func isImport(_ d: Google_Protobuf_FileDescriptorProto) -> Bool {
    if let marked = bufIsImport(d) { return marked }
    return d.name.hasPrefix("google/protobuf/") || d.name.hasPrefix("sebuf/http/")
  }

  /// buf's `ImageFileExtension.is_import` (field 1 of FileDescriptorProto field 8042).
  static func bufIsImport(_ d: Google_Protobuf_FileDescriptorProto) -> Bool? {
    var reader = WireReader(Array(d.unknownFields.data))
    while let (number, wireType, value) = reader.next() {
      guard number == 8042, wireType == 2 else { continue }
      var inner = WireReader(value)
      var isImport = false
      while let (n, t, v) = inner.next() {
        if n == 1 && t == 0 { isImport = (v.first ?? 0) != 0 }
      }
      return isImport
    }
    return nil
  }
}

/// A minimal protobuf wire reader: (field number, wire type, payload) triples; a varint's
/// payload is its value's low byte (enough for bools).
struct WireReader {
  let bytes: [UInt8]
  var i = 0
  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func varint() -> UInt64? {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while i < bytes.count, shift < 64 {
      let b = bytes[i]
      i += 1
      v |= UInt64(b & 0x7f) << shift
      if b & 0x80 == 0 { return v }
      shift += 7
    }
    return nil
  }

  mutating func next() -> (Int, Int, [UInt8])? {
    guard i < bytes.count, let key = varint() else { return nil }
    let wireType = Int(key & 7)
    let number = Int(key >> 3)
    switch wireType {
    case 0:
      guard let v = varint() else { return nil }
      return (number, 0, [v == 0 ? 0 : 1])
    case 1:
      guard i + 8 <= bytes.count else { return nil }
      defer { i += 8 }
      return (number, 1, Array(bytes[i..<i + 8]))
    case 2:
      guard let n = varint(), i + Int(n) <= bytes.count else { return nil }
      defer { i += Int(n) }
      return (number, 2, Array(bytes[i..<i + Int(n)]))
    case 5:
      guard i + 4 <= bytes.count else { return nil }
      defer { i += 4 }
      return (number, 5, Array(bytes[i..<i + 4]))
    default:
      return nil
    }
  }
}
