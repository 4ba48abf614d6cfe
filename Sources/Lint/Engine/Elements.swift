import Proto
import SwiftProtobuf

/// One target file as rules see it.
public struct LintFile: Sendable {
  /// Index into ``LintContext/files``.
  public let index: Int
  public let image: ImageFile
  public let locations: SourceLocations
  public var descriptor: Google_Protobuf_FileDescriptorProto { image.descriptor }
  /// The import path (`acme/v1/a.proto`), which buf's rules reason about.
  public var name: String { image.name }
  public var package: String { image.descriptor.package }
  /// The directory of the import path, `.` at the root.
  public var directory: String {
    guard let slash = name.lastIndex(of: "/") else { return "." }
    return String(name[..<slash])
  }
  /// Whether the file states its syntax (protoc leaves `syntax` empty for proto2 files,
  /// so the `syntax` statement's source location counts too).
  public var hasSyntax: Bool {
    !descriptor.syntax.isEmpty || descriptor.hasEdition || locations.location([12]) != nil
  }
  public var isProto3: Bool { descriptor.syntax == "proto3" }
}

/// A message declaration (top-level or nested).
public struct MessageElement: Sendable {
  public let file: Int
  public let descriptor: Google_Protobuf_DescriptorProto
  public let path: [Int32]
  public let fullName: String
  public var name: String { descriptor.name }
  public var isMapEntry: Bool { descriptor.options.mapEntry }
}

/// A field or extension declaration.
public struct FieldElement: Sendable {
  public let file: Int
  public let descriptor: Google_Protobuf_FieldDescriptorProto
  public let path: [Int32]
  /// The message declaring it (nil for top-level extensions).
  public let parent: MessageElement?
  public let isExtension: Bool
  public var name: String { descriptor.name }
}

/// A oneof declaration.
public struct OneofElement: Sendable {
  public let file: Int
  public let descriptor: Google_Protobuf_OneofDescriptorProto
  public let path: [Int32]
  public let parent: MessageElement
  public let index: Int32
  /// Fields of the parent that belong to this oneof.
  public var fields: [Google_Protobuf_FieldDescriptorProto] {
    parent.descriptor.field.filter { $0.hasOneofIndex && $0.oneofIndex == index }
  }
  /// A oneof protoc synthesises for a proto3 `optional` field.
  public var isSynthetic: Bool {
    let f = fields
    return f.count == 1 && f[0].proto3Optional
  }
  public var name: String { descriptor.name }
}

public struct EnumElement: Sendable {
  public let file: Int
  public let descriptor: Google_Protobuf_EnumDescriptorProto
  public let path: [Int32]
  public let fullName: String
  public var name: String { descriptor.name }
}

public struct EnumValueElement: Sendable {
  public let file: Int
  public let descriptor: Google_Protobuf_EnumValueDescriptorProto
  public let path: [Int32]
  public let enumName: String
  public var name: String { descriptor.name }
}

public struct ServiceElement: Sendable {
  public let file: Int
  public let descriptor: Google_Protobuf_ServiceDescriptorProto
  public let path: [Int32]
  public var name: String { descriptor.name }
}

public struct MethodElement: Sendable {
  public let file: Int
  public let descriptor: Google_Protobuf_MethodDescriptorProto
  public let path: [Int32]
  public let service: Google_Protobuf_ServiceDescriptorProto
  public var name: String { descriptor.name }
  /// Input type without the leading dot.
  public var inputType: String { LintContext.trimDot(descriptor.inputType) }
  public var outputType: String { LintContext.trimDot(descriptor.outputType) }
}

public struct ImportElement: Sendable {
  public let file: Int
  /// Index in `dependency`.
  public let index: Int
  public let importPath: String
  public let isPublic: Bool
  public let isWeak: Bool
  public var path: [Int32] { [3, Int32(index)] }
}
