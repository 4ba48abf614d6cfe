import Basics
import Dispatch
import Foundation
import SwiftProtobuf

/// Reading and writing images as `FileDescriptorSet`s, the shape `protoc -o` and
/// `buf build -o` write: binary (`.binpb`, `.bin`, `.pb`) or JSON (`.json`).
public enum ImageIO {
  public enum Format: Sendable {
    case binary, json

    /// The format a file name implies; nil for an unknown extension.
    public init?(path: String) {
      let lower = path.lowercased()
      if lower.hasSuffix(".json") {
        self = .json
      } else if lower.hasSuffix(".binpb") || lower.hasSuffix(".bin") || lower.hasSuffix(".pb") {
        self = .binary
      } else {
        return nil
      }
    }
  }

  /// What to leave out, as `buf build` flags do; source-retention options are left out
  /// unless `retainOptions`, as `protoc -o` does (protoc's `--retain_options`).
  public struct Options: Sendable {
    public var excludeSourceInfo: Bool
    public var excludeImports: Bool
    public var retainOptions: Bool
    public init(excludeSourceInfo: Bool = false, excludeImports: Bool = false, retainOptions: Bool = false) {
      self.excludeSourceInfo = excludeSourceInfo
      self.excludeImports = excludeImports
      self.retainOptions = retainOptions
    }
  }

  /// The image as a `FileDescriptorSet` message.
  public static func descriptorSet(_ image: Image, options: Options = Options()) -> Google_Protobuf_FileDescriptorSet {
    var set = Google_Protobuf_FileDescriptorSet()
    set.file.reserveCapacity(image.files.count)
    let image = options.retainOptions ? image : SourceRetention.strip(image)
    for f in image.files where !(options.excludeImports && f.isImport) {
      var d = f.descriptor
      if options.excludeSourceInfo { d.clearSourceCodeInfo() }
      set.file.append(d)
    }
    return set
  }

  public static func encode(_ image: Image, format: Format, options: Options = Options()) throws -> [UInt8] {
    switch format {
    case .binary:
      return try binarySet(image, options: options)
    case .json:
      let set = descriptorSet(image, options: options)
      return Array(try set.jsonUTF8Data())
    }
  }

  /// The set's bytes, each file serialized on its own (in parallel) and framed as
  /// field 1 of `FileDescriptorSet`: the same bytes as serializing the set at once.
  static func binarySet(_ image: Image, options: Options) throws -> [UInt8] {
    let files = descriptorSet(image, options: options).file
    let parts = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: files.count)
    parts.initialize(repeating: [])
    defer { parts.deallocate() }
    let failed = UnsafeMutableBufferPointer<Bool>.allocate(capacity: max(1, files.count))
    failed.initialize(repeating: false)
    defer { failed.deallocate() }
    let box = SendableBuffers(parts: parts, failed: failed)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      do { box.parts[i] = try FileWriter.serialize(files[i]) } catch { box.failed[i] = true }
    }
    if let i = failed.firstIndex(of: true) { throw IOError.unserializable(files[i].name) }
    var out: [UInt8] = []
    out.reserveCapacity(parts.reduce(0) { $0 + $1.count + 6 })
    for p in parts {
      out.append(0x0A)
      var n = UInt64(p.count)
      while n >= 0x80 {
        out.append(UInt8(n & 0x7f) | 0x80)
        n >>= 7
      }
      out.append(UInt8(n))
      out += p
    }
    return out
  }

  struct SendableBuffers: @unchecked Sendable {
    let parts: UnsafeMutableBufferPointer<[UInt8]>
    let failed: UnsafeMutableBufferPointer<Bool>
  }

  /// Reads a `FileDescriptorSet` (binary, or JSON with unknown fields ignored) and marks
  /// which files are imports — the one rule for every image sebuf reads: buf's images say
  /// so (`buf_extension`, field 8042, `is_import`); in a plain FileDescriptorSet (protoc's
  /// `-o`, `sebuf build -o`) the well-known types and the bundled sebuf protos are
  /// imports and every other file is a target.
  public static func decode(_ bytes: [UInt8], format: Format) throws -> Image {
    let set: Google_Protobuf_FileDescriptorSet
    switch format {
    case .binary:
      set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes)
    case .json:
      var options = JSONDecodingOptions()
      options.ignoreUnknownFields = true
      set = try Google_Protobuf_FileDescriptorSet(jsonUTF8Data: Data(bytes), options: options)
    }
    return markImports(set.file)
  }

  static func markImports(_ files: [Google_Protobuf_FileDescriptorProto]) -> Image {
    let marks: [Bool?] = files.map { file in
      var mark: Bool? = nil
      for f in WireFields([UInt8](file.unknownFields.data)) where f.number == 8042 {
        mark = false
        for g in WireFields(Array(f.bytes)) where g.number == 1 { mark = g.scalar != 0 }
      }
      return mark
    }
    let bufImage = marks.contains { $0 != nil }
    return Image(
      files: zip(files, marks).map { file, mark in
        let isImport =
          bufImage
          ? (mark ?? false)
          : file.name.hasPrefix("google/protobuf/") || file.name.hasPrefix("sebuf/http/")
        return ImageFile(descriptor: file, isImport: isImport)
      })
  }

  public enum IOError: Error, CustomStringConvertible {
    case unknownFormat(String)
    case unserializable(String)
    public var description: String {
      switch self {
      case .unknownFormat(let p):
        "cannot tell the image format of \"\(p)\": use a .binpb, .bin, .pb or .json file name"
      case .unserializable(let name): "cannot serialize the descriptor of \"\(name)\""
      }
    }
  }

  /// Writes the image to `path` (format from its extension), atomically.
  public static func write(_ image: Image, to path: String, options: Options = Options()) throws {
    guard let format = Format(path: path) else { throw IOError.unknownFormat(path) }
    let bytes = try encode(image, format: format, options: options)
    try FileSystem.writeAtomically(bytes, to: path)
  }
}
