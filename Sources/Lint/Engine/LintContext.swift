import Proto
import SwiftProtobuf

/// Everything rules read, computed once per run: the target files with their source
/// locations, flat lists of every element (so a rule body sees one element at a time),
/// and, through Proto's ``DescriptorIndex``, names over the whole image (targets and
/// imports).
public final class LintContext: Sendable {
  public let image: Image
  /// Names, files, source locations and comments of the whole image.
  public let index: DescriptorIndex
  /// The index's name tables, kept for lock-free lookups from rules.
  public let names: NameTable
  public let options: LintOptions
  /// Target files (not imports), in image order.
  public let files: [LintFile]
  public let messages: [MessageElement]
  public let fields: [FieldElement]
  public let oneofs: [OneofElement]
  public let enums: [EnumElement]
  public let enumValues: [EnumValueElement]
  public let services: [ServiceElement]
  public let methods: [MethodElement]
  public let imports: [ImportElement]
  /// Every message of the image (imports too) by full name (leading dot optional).
  public var messageByName: NameLookup<Google_Protobuf_DescriptorProto> {
    NameLookup { [names] in names.message($0)?.descriptor }
  }
  /// Every enum of the image by full name (leading dot optional).
  public var enumByName: NameLookup<Google_Protobuf_EnumDescriptorProto> {
    NameLookup { [names] in names.enumType($0)?.descriptor }
  }
  /// Target file index by import path.
  public let fileIndex: [String: Int]
  /// The sebuf HTTP model of the target files (decoded only when an HTTP rule runs).
  public let http: HTTPAPI
  /// Where sebuf annotations are valid, resolving types through this image.
  public let annotationValidity: AnnotationValidity

  public init(image: Image, options: LintOptions = LintOptions(), decodeHTTP: Bool = true) {
    self.image = image
    self.options = options
    let index = DescriptorIndex(image)
    self.index = index
    let names = index.names
    self.names = names
    var files: [LintFile] = []
    var messages: [MessageElement] = []
    var fields: [FieldElement] = []
    var oneofs: [OneofElement] = []
    var enums: [EnumElement] = []
    var enumValues: [EnumValueElement] = []
    var services: [ServiceElement] = []
    var methods: [MethodElement] = []
    var imports: [ImportElement] = []
    for (position, imageFile) in image.files.enumerated() {
      guard !imageFile.isImport else { continue }
      let fi = files.count
      let file = LintFile(index: fi, image: imageFile, locations: index.locations(position))
      files.append(file)
      let fd = imageFile.descriptor
      let prefix = fd.package.isEmpty ? "" : fd.package + "."

      func walkEnum(_ e: Google_Protobuf_EnumDescriptorProto, _ path: [Int32], _ name: String) {
        enums.append(EnumElement(file: fi, descriptor: e, path: path, fullName: name))
        for (i, v) in e.value.enumerated() {
          enumValues.append(EnumValueElement(file: fi, descriptor: v, path: path + [2, Int32(i)], enumName: e.name))
        }
      }
      func walkMessage(_ m: Google_Protobuf_DescriptorProto, _ path: [Int32], _ name: String) {
        let me = MessageElement(file: fi, descriptor: m, path: path, fullName: name)
        messages.append(me)
        for (i, f) in m.field.enumerated() {
          fields.append(
            FieldElement(file: fi, descriptor: f, path: path + [2, Int32(i)], parent: me, isExtension: false))
        }
        for (i, f) in m.extension.enumerated() {
          fields.append(
            FieldElement(file: fi, descriptor: f, path: path + [6, Int32(i)], parent: me, isExtension: true))
        }
        for (i, o) in m.oneofDecl.enumerated() {
          oneofs.append(OneofElement(file: fi, descriptor: o, path: path + [8, Int32(i)], parent: me, index: Int32(i)))
        }
        for (i, n) in m.nestedType.enumerated() { walkMessage(n, path + [3, Int32(i)], name + "." + n.name) }
        for (i, e) in m.enumType.enumerated() { walkEnum(e, path + [4, Int32(i)], name + "." + e.name) }
      }
      for (i, m) in fd.messageType.enumerated() { walkMessage(m, [4, Int32(i)], prefix + m.name) }
      for (i, e) in fd.enumType.enumerated() { walkEnum(e, [5, Int32(i)], prefix + e.name) }
      for (i, f) in fd.extension.enumerated() {
        fields.append(FieldElement(file: fi, descriptor: f, path: [7, Int32(i)], parent: nil, isExtension: true))
      }
      for (i, s) in fd.service.enumerated() {
        services.append(ServiceElement(file: fi, descriptor: s, path: [6, Int32(i)]))
        for (j, m) in s.method.enumerated() {
          methods.append(MethodElement(file: fi, descriptor: m, path: [6, Int32(i), 2, Int32(j)], service: s))
        }
      }
      let publicSet = Set(fd.publicDependency)
      let weakSet = Set(fd.weakDependency)
      for (i, dep) in fd.dependency.enumerated() {
        imports.append(
          ImportElement(
            file: fi, index: i, importPath: dep, isPublic: publicSet.contains(Int32(i)),
            isWeak: weakSet.contains(Int32(i))))
      }
    }
    self.files = files
    self.messages = messages
    self.fields = fields
    self.oneofs = oneofs
    self.enums = enums
    self.enumValues = enumValues
    self.services = services
    self.methods = methods
    self.imports = imports
    annotationValidity = AnnotationValidity(index)
    var fileIndex: [String: Int] = [:]
    for f in files { fileIndex[f.name] = f.index }
    self.fileIndex = fileIndex
    http = decodeHTTP ? HTTPAPI.decode(index) : HTTPAPI(services: [])
  }

  /// `.a.b.C` → `a.b.C`.
  public static func trimDot(_ s: String) -> String {
    s.hasPrefix(".") ? String(s.dropFirst()) : s
  }

  /// The import path of the file that declares a symbol (message, enum, service) or an
  /// extension (`extendee#number`), if it is in the image.
  public func fileDeclaring(_ symbol: String) -> String? { names.fileDeclaring(symbol) }
}

/// Read-only lookup by full name, so rules can write `context.messageByName[name]`.
public struct NameLookup<Value>: Sendable {
  let lookup: @Sendable (String) -> Value?
  init(_ lookup: @escaping @Sendable (String) -> Value?) { self.lookup = lookup }
  public subscript(_ name: String) -> Value? { lookup(name) }
}

/// Proto's per-file source locations, named here for rule files that do not import Proto.
public typealias SourceLocations = Proto.SourceLocations
