import Basics
import Proto
import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// Builds the `CodeGeneratorRequest` protoc would send for the same inputs, so a plugin
/// cannot tell sebuf from protoc 36.2 (the oracle test compares the bytes).
public enum PluginRequest {
  /// The version protoc 36.2 sends (its C++ runtime's, 7.36.2): plugins branch on it.
  public static let compilerVersion = (major: Int32(7), minor: Int32(36), patch: Int32(2))

  /// A request for `filesToGenerate` (import paths, in the order protoc was given them).
  ///
  /// `proto_file` holds every file they need, each after its dependencies, in protoc's
  /// order: a depth-first walk from each file to generate, dependencies in declaration
  /// order. Every field carries its `json_name` and every file its source info, as protoc
  /// does. The files to generate appear there with source-retention options stripped, and
  /// whole, in the same order, in `source_file_descriptors`. Without `compilerVersion`,
  /// the request carries none (as buf sends it).
  public static func make(
    image: Image, filesToGenerate: [String], parameter: String, compilerVersion sendVersion: Bool = true
  ) -> Google_Protobuf_Compiler_CodeGeneratorRequest {
    var request = head(filesToGenerate: filesToGenerate, parameter: parameter, compilerVersion: sendVersion)
    let retention = SourceRetention(files: image.files.map(\.descriptor))
    let generated = Set(filesToGenerate)
    for descriptor in transitiveOrder(image, filesToGenerate) {
      let full = withJSONNames(descriptor)
      if generated.contains(descriptor.name) {
        request.protoFile.append(retention.strip(full))
        request.sourceFileDescriptors.append(full)
      } else {
        request.protoFile.append(full)
      }
    }
    return request
  }

  /// The request without its files.
  static func head(filesToGenerate: [String], parameter: String, compilerVersion sendVersion: Bool)
    -> Google_Protobuf_Compiler_CodeGeneratorRequest
  {
    var request = Google_Protobuf_Compiler_CodeGeneratorRequest()
    request.fileToGenerate = filesToGenerate
    if !parameter.isEmpty { request.parameter = parameter }
    if sendVersion {
      var version = Google_Protobuf_Compiler_Version()
      version.major = compilerVersion.major
      version.minor = compilerVersion.minor
      version.patch = compilerVersion.patch
      version.suffix = ""
      request.compilerVersion = version
    }
    return request
  }

  /// The files `filesToGenerate` need, each after its dependencies (protoc's
  /// `GetTransitiveDependencies`), with an explicit stack.
  static func transitiveOrder(_ image: Image, _ filesToGenerate: [String]) -> [Google_Protobuf_FileDescriptorProto] {
    var byName: [String: Int] = [:]
    for (i, f) in image.files.enumerated() { byName[f.name] = byName[f.name] ?? i }
    var seen = Set<String>()
    var ordered: [Google_Protobuf_FileDescriptorProto] = []
    for root in filesToGenerate {
      guard let r = byName[root], seen.insert(root).inserted else { continue }
      var stack: [(file: Int, next: Int)] = [(r, 0)]
      while let (i, next) = stack.last {
        let deps = image.files[i].descriptor.dependency
        if next < deps.count {
          stack[stack.count - 1].next = next + 1
          if let d = byName[deps[next]], seen.insert(deps[next]).inserted { stack.append((d, 0)) }
        } else {
          stack.removeLast()
          ordered.append(image.files[i].descriptor)
        }
      }
    }
    return ordered
  }

  /// The request's wire bytes, with whole files spliced in from `encodedFiles` (name →
  /// ``encode(_:)`` bytes) where given, so a plan with many invocations serializes each
  /// descriptor once. Identical to serializing ``make`` (fields are written in number
  /// order: `proto_file`, 15, then `source_file_descriptors`, 17).
  public static func bytes(
    image: Image, filesToGenerate: [String], parameter: String, encodedFiles: [String: [UInt8]] = [:],
    compilerVersion: Bool = true
  ) throws -> [UInt8] {
    let head = head(filesToGenerate: filesToGenerate, parameter: parameter, compilerVersion: compilerVersion)
    var out: [UInt8] = try head.serializedBytes()
    let generated = Set(filesToGenerate)
    var retention: SourceRetention?
    var sources: [[UInt8]] = []
    func append(_ tag: [UInt8], _ file: [UInt8]) {
      out.append(contentsOf: tag)
      var n = UInt64(file.count)
      while n >= 0x80 {
        out.append(UInt8(n & 0x7f) | 0x80)
        n >>= 7
      }
      out.append(UInt8(n))
      out.append(contentsOf: file)
    }
    for descriptor in transitiveOrder(image, filesToGenerate) {
      guard generated.contains(descriptor.name) else {
        append([0x7a], try encodedFiles[descriptor.name] ?? encode(descriptor))  // field 15
        continue
      }
      if retention == nil { retention = SourceRetention(files: image.files.map(\.descriptor)) }
      let full = withJSONNames(descriptor)
      append([0x7a], try retention!.strip(full).serializedBytes())
      sources.append(try encodedFiles[descriptor.name] ?? full.serializedBytes())
    }
    for s in sources { append([0x8a, 0x01], s) }  // field 17
    return out
  }

  /// One whole file as protoc sends it (json names filled in), serialized.
  public static func encode(_ file: Google_Protobuf_FileDescriptorProto) throws -> [UInt8] {
    try withJSONNames(file).serializedBytes()
  }

  /// protoc's parameter string: `key=value` pairs (or a bare `key`) joined by commas, a comma
  /// in a value written `\,` (``PluginParameter/join(_:)``), as buf passes it on.
  public static func parameter(_ options: [(key: String, value: String)]) -> String {
    PluginParameter.join(options)
  }

  /// Whether any field of the file is a proto3 `optional` one.
  public static func usesProto3Optional(_ file: Google_Protobuf_FileDescriptorProto) -> Bool {
    func inMessage(_ m: Google_Protobuf_DescriptorProto) -> Bool {
      m.field.contains { $0.proto3Optional } || m.extension.contains { $0.proto3Optional }
        || m.nestedType.contains(where: inMessage)
    }
    return file.messageType.contains(where: inMessage) || file.extension.contains { $0.proto3Optional }
  }

  private static func withJSONNames(_ file: Google_Protobuf_FileDescriptorProto) -> Google_Protobuf_FileDescriptorProto
  {
    func needs(_ m: Google_Protobuf_DescriptorProto) -> Bool {
      m.field.contains { !$0.hasJsonName } || m.extension.contains { !$0.hasJsonName }
        || m.nestedType.contains(where: needs)
    }
    guard file.messageType.contains(where: needs) || file.extension.contains(where: { !$0.hasJsonName }) else {
      return file
    }
    func fix(_ f: inout Google_Protobuf_FieldDescriptorProto) {
      if !f.hasJsonName { f.jsonName = DescriptorNames.defaultJSONName(f.name) }
    }
    func fix(_ m: inout Google_Protobuf_DescriptorProto) {
      for i in m.field.indices { fix(&m.field[i]) }
      for i in m.extension.indices { fix(&m.extension[i]) }
      for i in m.nestedType.indices { fix(&m.nestedType[i]) }
    }
    var copy = file
    for i in copy.messageType.indices { fix(&copy.messageType[i]) }
    for i in copy.extension.indices { fix(&copy.extension[i]) }
    return copy
  }
}
