import Basics
import Proto
import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// Builds the `CodeGeneratorRequest` protoc would send for the same inputs, so a plugin
/// cannot tell sebuf from protoc 3.21.12 (the oracle test compares the bytes).
public enum PluginRequest {
  /// The protoc version sebuf speaks for: plugins branch on it.
  public static let compilerVersion = (major: Int32(3), minor: Int32(21), patch: Int32(12))

  /// A request for `filesToGenerate` (import paths, in the order protoc was given them).
  ///
  /// `proto_file` holds every file they need, each after its dependencies, in protoc's
  /// order: a depth-first walk from each file to generate, dependencies in declaration
  /// order. Every field carries its `json_name` and every file its source info, as protoc does.
  /// Without `compilerVersion`, the request carries none (as buf sends it).
  public static func make(
    image: Image, filesToGenerate: [String], parameter: String, compilerVersion sendVersion: Bool = true
  ) -> Google_Protobuf_Compiler_CodeGeneratorRequest {
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

    var byName: [String: Int] = [:]
    for (i, f) in image.files.enumerated() { byName[f.name] = i }
    var seen = Set<String>()
    var ordered: [Google_Protobuf_FileDescriptorProto] = []
    func visit(_ name: String) {
      guard seen.insert(name).inserted, let i = byName[name] else { return }
      let descriptor = image.files[i].descriptor
      for dep in descriptor.dependency { visit(dep) }
      ordered.append(withJSONNames(descriptor))
    }
    for name in filesToGenerate { visit(name) }
    request.protoFile = ordered
    return request
  }

  /// The request's wire bytes, with `proto_file` entries spliced in from `encodedFiles`
  /// (name → ``encode(_:)`` bytes) where given, so a plan with many invocations
  /// serializes each descriptor once. Identical to serializing ``make`` (fields are
  /// written in number order and `proto_file`, 15, comes last).
  public static func bytes(
    image: Image, filesToGenerate: [String], parameter: String, encodedFiles: [String: [UInt8]] = [:],
    compilerVersion: Bool = true
  ) throws -> [UInt8] {
    var head = make(
      image: Image(files: []), filesToGenerate: filesToGenerate, parameter: parameter,
      compilerVersion: compilerVersion)
    head.protoFile = []
    var out: [UInt8] = try head.serializedBytes()
    var byName: [String: Int] = [:]
    for (i, f) in image.files.enumerated() { byName[f.name] = i }
    var seen = Set<String>()
    func visit(_ name: String) throws {
      guard seen.insert(name).inserted, let i = byName[name] else { return }
      for dep in image.files[i].descriptor.dependency { try visit(dep) }
      let file = try encodedFiles[name] ?? encode(image.files[i].descriptor)
      out.append(0x7a)  // field 15, length-delimited
      var n = UInt64(file.count)
      while n >= 0x80 {
        out.append(UInt8(n & 0x7f) | 0x80)
        n >>= 7
      }
      out.append(UInt8(n))
      out.append(contentsOf: file)
    }
    for name in filesToGenerate { try visit(name) }
    return out
  }

  /// One `proto_file` entry as protoc sends it (json names filled in), serialized.
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
