// The side of a breaking comparison: one Image, indexed once by the names buf matches
// elements with (file path, full name, nested name within a file, package). Rules read
// these nodes; nothing here decides what is breaking.
import Diagnostics
import Proto
import SwiftProtobuf

/// One Image indexed for breaking-change rules.
public final class SchemaIndex: @unchecked Sendable {
  /// Every file, in image order.
  let files: [FileNode]
  /// Files by import path (`acme/v1/a.proto`).
  let fileByName: [String: FileNode]
  /// Messages (map entries included) by full name without a leading dot.
  let messages: [String: MessageNode]
  let enums: [String: EnumNode]
  let services: [String: ServiceNode]
  /// Extensions by extendee full name, then field number.
  let extensionsByExtendee: [String: [Int32: FieldNode]]
  /// The Image this index was built from.
  public let image: Image
  /// Names, source locations and comments of the Image (Proto's one index).
  let index: DescriptorIndex

  public init(_ image: Image) {
    self.image = image
    let index = DescriptorIndex(image)
    self.index = index
    var files: [FileNode] = []
    var fileByName: [String: FileNode] = [:]
    var messages: [String: MessageNode] = [:]
    var enums: [String: EnumNode] = [:]
    var services: [String: ServiceNode] = [:]
    var extensions: [String: [Int32: FieldNode]] = [:]
    for (position, imageFile) in image.files.enumerated() {
      let file = FileNode(imageFile, index: index, locations: { index.locations(position) })
      files.append(file)
      fileByName[file.name] = file
      for m in file.allMessages { messages[m.fullName] = m }
      for e in file.allEnums { enums[e.fullName] = e }
      for s in file.services { services[s.fullName] = s }
      for x in file.allExtensions { extensions[x.extendee, default: [:]][x.number] = x }
    }
    self.files = files
    self.fileByName = fileByName
    self.messages = messages
    self.enums = enums
    self.services = services
    self.extensionsByExtendee = extensions
  }

  /// Files grouped by package (files without a package under "").
  var filesByPackage: [String: [FileNode]] {
    var out: [String: [FileNode]] = [:]
    for f in files { out[f.package, default: []].append(f) }
    return out
  }
}

/// Where a finding points: a file and a SourceCodeInfo path that exists in it.
struct Location {
  let file: FileNode
  let path: [Int32]
}

/// A `.proto` file of the Image with its elements.
final class FileNode: @unchecked Sendable {
  let descriptor: Google_Protobuf_FileDescriptorProto
  let isImport: Bool
  /// Path shown to users (relative to the workspace).
  let displayPath: String
  /// The Image's one index: resolved features and field semantics come from it.
  let index: DescriptorIndex
  private(set) var messages: [MessageNode] = []
  private(set) var enums: [EnumNode] = []
  private(set) var services: [ServiceNode] = []
  private(set) var extensions: [FieldNode] = []
  private(set) var allMessages: [MessageNode] = []
  private(set) var allEnums: [EnumNode] = []
  private(set) var allExtensions: [FieldNode] = []
  /// The file's source locations, from the ``DescriptorIndex`` (fetched on first use).
  private lazy var locations: SourceLocations = loadLocations()
  private let loadLocations: () -> SourceLocations

  init(_ f: ImageFile, index: DescriptorIndex, locations: @escaping () -> SourceLocations) {
    self.index = index
    loadLocations = locations
    descriptor = f.descriptor
    isImport = f.isImport
    displayPath = f.displayPath
    let d = f.descriptor
    let prefix = d.package.isEmpty ? "" : d.package + "."
    for (i, m) in d.messageType.enumerated() {
      let node = MessageNode(file: self, parent: nil, descriptor: m, path: [4, Int32(i)], prefix: prefix)
      messages.append(node)
    }
    for (i, e) in d.enumType.enumerated() {
      enums.append(EnumNode(file: self, parent: nil, descriptor: e, path: [5, Int32(i)], prefix: prefix))
    }
    for (i, s) in d.service.enumerated() {
      services.append(ServiceNode(file: self, descriptor: s, path: [6, Int32(i)], prefix: prefix))
    }
    for (i, x) in d.extension.enumerated() {
      extensions.append(
        FieldNode(file: self, message: nil, scope: nil, descriptor: x, path: [7, Int32(i)], prefix: prefix))
    }
    // Flatten in declaration order, depth first (buf's ForEachMessage order).
    func walk(_ m: MessageNode) {
      allMessages.append(m)
      allEnums.append(contentsOf: m.enums)
      allExtensions.append(contentsOf: m.extensions)
      for n in m.nested { walk(n) }
    }
    allEnums.append(contentsOf: enums)
    allExtensions.append(contentsOf: extensions)
    for m in messages { walk(m) }
  }

  var name: String { descriptor.name }
  var package: String { descriptor.package }
  var syntax: FileSyntax {
    switch descriptor.syntax {
    case "proto3": .proto3
    case "editions": .editions
    default: .proto2
    }
  }

  /// The location of `path` if the file's source info has it (buf: the first one wins).
  /// Map entry messages have no source of their own: they and their fields point at the
  /// map field that declares them, as buf's compiler records them.
  func location(_ path: [Int32]) -> Location? {
    if sourceLocation(path) != nil { return Location(file: self, path: path) }
    for (entry, field) in mapEntryFieldPaths where path.starts(with: entry) {
      return sourceLocation(field) == nil ? nil : Location(file: self, path: field)
    }
    return nil
  }

  /// Map entry message path → path of the map field using it.
  lazy var mapEntryFieldPaths: [([Int32], [Int32])] = {
    var out: [([Int32], [Int32])] = []
    for m in allMessages {
      for entry in m.nested where entry.isMapEntry {
        if let f = m.fields.first(where: { $0.typeName == entry.fullName && $0.descriptor.label == .repeated }) {
          out.append((entry.path, f.path))
        }
      }
    }
    return out
  }()

  /// The SourceCodeInfo entry for a path.
  func sourceLocation(_ path: [Int32]) -> Google_Protobuf_SourceCodeInfo.Location? { locations.location(path) }

  /// The span of a path (1-based lines and columns), nil without source info.
  func span(_ path: [Int32]) -> Span? { locations.span(path) }

  /// Messages of this file by nested name (`Outer.Inner`).
  lazy var messagesByNestedName: [String: MessageNode] = {
    var out: [String: MessageNode] = [:]
    for m in allMessages { out[m.nestedName] = m }
    return out
  }()
}

/// proto2, proto3 or editions: decides presence, enum openness and JSON defaults.
enum FileSyntax: String {
  case proto2, proto3, editions
}

/// A message (nested ones included) with its fields and children.
final class MessageNode: @unchecked Sendable {
  unowned let file: FileNode
  let descriptor: Google_Protobuf_DescriptorProto
  let path: [Int32]
  let fullName: String
  /// Name within the file: `Outer.Inner`.
  let nestedName: String
  private(set) var fields: [FieldNode] = []
  private(set) var nested: [MessageNode] = []
  private(set) var enums: [EnumNode] = []
  private(set) var extensions: [FieldNode] = []
  private(set) var oneofs: [OneofNode] = []

  init(file: FileNode, parent: MessageNode?, descriptor: Google_Protobuf_DescriptorProto, path: [Int32], prefix: String)
  {
    self.file = file
    self.descriptor = descriptor
    self.path = path
    fullName = prefix + descriptor.name
    nestedName = parent.map { $0.nestedName + "." + descriptor.name } ?? descriptor.name
    let childPrefix = fullName + "."
    for (i, o) in descriptor.oneofDecl.enumerated() {
      oneofs.append(OneofNode(descriptor: o, index: Int32(i), path: path + [8, Int32(i)]))
    }
    for (i, f) in descriptor.field.enumerated() {
      fields.append(
        FieldNode(
          file: file, message: self, scope: self, descriptor: f, path: path + [2, Int32(i)], prefix: childPrefix))
    }
    for (i, n) in descriptor.nestedType.enumerated() {
      nested.append(
        MessageNode(file: file, parent: self, descriptor: n, path: path + [3, Int32(i)], prefix: childPrefix))
    }
    for (i, e) in descriptor.enumType.enumerated() {
      enums.append(EnumNode(file: file, parent: self, descriptor: e, path: path + [4, Int32(i)], prefix: childPrefix))
    }
    for (i, x) in descriptor.extension.enumerated() {
      extensions.append(
        FieldNode(
          file: file, message: nil, scope: self, descriptor: x, path: path + [6, Int32(i)], prefix: childPrefix))
    }
    // Synthetic oneofs: the single member is a proto3 `optional` field.
    for f in fields where f.descriptor.proto3Optional && f.descriptor.hasOneofIndex {
      let i = Int(f.descriptor.oneofIndex)
      if i < oneofs.count { oneofs[i].isSynthetic = true }
    }
  }

  var name: String { descriptor.name }
  var isMapEntry: Bool { descriptor.options.mapEntry }
  var location: Location? { file.location(path) }

  /// Fields by number (the last one wins on a malformed duplicate).
  var fieldsByNumber: [Int32: FieldNode] {
    var out: [Int32: FieldNode] = [:]
    for f in fields { out[f.number] = f }
    return out
  }

  /// The oneof a field belongs to, nil when none.
  func oneof(of field: FieldNode) -> OneofNode? {
    guard field.descriptor.hasOneofIndex else { return nil }
    let i = Int(field.descriptor.oneofIndex)
    return i < oneofs.count ? oneofs[i] : nil
  }
}

/// A oneof declaration.
struct OneofNode {
  let descriptor: Google_Protobuf_OneofDescriptorProto
  let index: Int32
  let path: [Int32]
  /// proto3 `optional` wraps its field in a oneof of its own; buf does not count those.
  var isSynthetic = false
  var name: String { descriptor.name }
}

/// A message field or an extension.
final class FieldNode: @unchecked Sendable {
  unowned let file: FileNode
  /// The containing message for a field; nil for an extension.
  let message: MessageNode?
  let descriptor: Google_Protobuf_FieldDescriptorProto
  let path: [Int32]
  /// Full name (`pkg.Msg.field` or, for an extension, `pkg.ext`).
  let fullName: String

  init(
    file: FileNode, message: MessageNode?, scope: MessageNode?, descriptor: Google_Protobuf_FieldDescriptorProto,
    path: [Int32], prefix: String
  ) {
    self.file = file
    self.message = message
    self.descriptor = descriptor
    self.path = path
    fullName = prefix + descriptor.name
    nestedName = (scope.map { $0.nestedName + "." } ?? "") + descriptor.name
  }

  /// Name within the file (`Outer.ext` for an extension declared in a message).
  let nestedName: String
  var name: String { descriptor.name }
  var number: Int32 { descriptor.number }
  var isExtension: Bool { message == nil }
  /// Extendee full name without a leading dot.
  var extendee: String { descriptor.extendee.trimmingLeadingDot }
  /// Type name without a leading dot.
  var typeName: String { descriptor.typeName.trimmingLeadingDot }
  var location: Location? { file.location(path) }
  func location(_ sub: Int32...) -> Location? { file.location(path + sub) }

  /// The field's resolved features (resolved once: the string-type rules read them).
  lazy var features: ResolvedFeatureValues = file.features(path)
  /// Presence, cardinality and encoding as protobuf's runtimes see them (from resolved features).
  lazy var semantics: FieldSemantics = file.index.fieldSemantics(file: file.name, path: path)
}

/// An enum (nested ones included).
final class EnumNode: @unchecked Sendable {
  unowned let file: FileNode
  let descriptor: Google_Protobuf_EnumDescriptorProto
  let path: [Int32]
  let fullName: String
  let nestedName: String

  init(
    file: FileNode, parent: MessageNode?, descriptor: Google_Protobuf_EnumDescriptorProto, path: [Int32], prefix: String
  ) {
    self.file = file
    self.descriptor = descriptor
    self.path = path
    fullName = prefix + descriptor.name
    nestedName = parent.map { $0.nestedName + "." + descriptor.name } ?? descriptor.name
  }

  var name: String { descriptor.name }
  var location: Location? { file.location(path) }

  /// Values grouped by number, then by name (aliases share a number).
  var valuesByNumber: [Int32: [String: Int]] {
    var out: [Int32: [String: Int]] = [:]
    for (i, v) in descriptor.value.enumerated() { out[v.number, default: [:]][v.name] = i }
    return out
  }

  var valueNumbersByName: [String: Int32] {
    var out: [String: Int32] = [:]
    for v in descriptor.value { out[v.name] = v.number }
    return out
  }
}

/// A service and its methods.
final class ServiceNode: @unchecked Sendable {
  unowned let file: FileNode
  let descriptor: Google_Protobuf_ServiceDescriptorProto
  let path: [Int32]
  let fullName: String

  init(file: FileNode, descriptor: Google_Protobuf_ServiceDescriptorProto, path: [Int32], prefix: String) {
    self.file = file
    self.descriptor = descriptor
    self.path = path
    fullName = prefix + descriptor.name
  }

  var name: String { descriptor.name }
  var location: Location? { file.location(path) }

  /// Methods by name with their source paths.
  var methodsByName: [String: MethodNode] {
    var out: [String: MethodNode] = [:]
    for (i, m) in descriptor.method.enumerated() {
      out[m.name] = MethodNode(service: self, descriptor: m, path: path + [2, Int32(i)])
    }
    return out
  }
}

/// An RPC of a service.
struct MethodNode {
  let service: ServiceNode
  let descriptor: Google_Protobuf_MethodDescriptorProto
  let path: [Int32]
  var name: String { descriptor.name }
  var file: FileNode { service.file }
  var location: Location? { file.location(path) }
  func location(_ sub: Int32...) -> Location? { file.location(path + sub) }
}

extension String {
  var trimmingLeadingDot: String { hasPrefix(".") ? String(dropFirst()) : self }
}
