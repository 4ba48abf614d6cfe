import Basics
import Diagnostics
import SwiftProtobuf

/// A message found in an Image, with where it was declared.
public struct MessageEntry: Sendable {
  /// `pkg.Outer.Inner`, no leading dot.
  public var fullName: String
  public var descriptor: Google_Protobuf_DescriptorProto
  /// Import path of the declaring file.
  public var file: String
  /// SourceCodeInfo path: `[4, i]`, `[4, i, 3, j]`, …
  public var path: [Int32]
  public var package: String
}

/// An enum found in an Image.
public struct EnumEntry: Sendable {
  public var fullName: String
  public var descriptor: Google_Protobuf_EnumDescriptorProto
  public var file: String
  /// `[5, i]` or `[…message path…, 4, j]`.
  public var path: [Int32]
  public var package: String
}

/// A service found in an Image.
public struct ServiceEntry: Sendable {
  public var fullName: String
  public var descriptor: Google_Protobuf_ServiceDescriptorProto
  public var file: String
  /// `[6, i]`.
  public var path: [Int32]
  public var package: String
}

/// Name and position lookup over an Image, shared by the HTTP model, the backends, lint,
/// breaking and the planner: full names → declarations, import paths → files, dependency
/// closures, and per file the source locations, spans and comments (``SourceLocations``).
/// The name tables are built in one pass on the first name lookup and each file's
/// locations on first use, so a caller pays only for what it asks.
public final class DescriptorIndex: Sendable {
  public let image: Image
  private let files: [String: Int]
  /// Per file (image order), its dependencies as image indexes.
  private let dependencies: [[Int]]
  /// What is built lazily: the name tables, each file's locations and each file's feature
  /// chain (its resolved file-level features, the start of every element's resolution).
  private struct Lazy {
    var names: NameTable?
    var locations: [SourceLocations?]
    var featureChains: [FeatureChain?]
  }
  private let lazy: Locked<Lazy>

  public init(_ image: Image) {
    self.image = image
    lazy = Locked(
      Lazy(
        names: nil, locations: Array(repeating: nil, count: image.files.count),
        featureChains: Array(repeating: nil, count: image.files.count)))
    var files: [String: Int] = [:]
    for (i, f) in image.files.enumerated() { files[f.descriptor.name] = i }
    self.files = files
    dependencies = image.files.map { f in f.descriptor.dependency.compactMap { files[$0] } }
  }

  /// The name tables (built on first use). Hot loops keep this and look names up on it,
  /// skipping the lock the index's own lookups take.
  public var names: NameTable {
    lazy.withLock { state in
      if let table = state.names { return table }
      let table = NameTable(image)
      state.names = table
      return table
    }
  }

  // MARK: Names

  /// Lookups by full name; a leading dot is accepted.
  public func message(_ fullName: String) -> MessageEntry? { names.message(fullName) }
  public func enumType(_ fullName: String) -> EnumEntry? { names.enumType(fullName) }
  public func service(_ fullName: String) -> ServiceEntry? { names.service(fullName) }

  /// The import path of the file declaring a message, enum or service (full name without
  /// a leading dot) or an extension (`extendee#number`), if it is in the image.
  public func fileDeclaring(_ symbol: String) -> String? { names.fileDeclaring(symbol) }

  /// All messages, sorted by full name (deterministic).
  public var allMessages: [MessageEntry] { names.messages.values.sorted { $0.fullName < $1.fullName } }

  // MARK: Files

  public func file(_ name: String) -> ImageFile? { files[name].map { image.files[$0] } }

  /// The image index of the file with import path `name`.
  public func fileIndex(_ name: String) -> Int? { files[name] }

  /// Image indexes of `names` and everything they import, in image (dependency) order.
  public func dependencyClosure(of names: [String]) -> [Int] {
    var mark = [Bool](repeating: false, count: image.files.count)
    var stack = names.compactMap { files[$0] }
    while let i = stack.popLast() {
      if mark[i] { continue }
      mark[i] = true
      stack.append(contentsOf: dependencies[i])
    }
    return mark.indices.filter { mark[$0] }
  }

  // MARK: Source locations

  /// The source locations of the file at image index `i` (built on first use).
  public func locations(_ i: Int) -> SourceLocations {
    lazy.withLock { state in
      if let table = state.locations[i] { return table }
      let table = SourceLocations(image.files[i])
      state.locations[i] = table
      return table
    }
  }

  /// The feature chain of the file with import path `name` (made on first use: lint and
  /// breaking resolve every field's features, and the file's level is the same for all).
  func featureChain(file name: String) -> FeatureChain? {
    guard let i = files[name] else { return nil }
    let defaults = EditionDefaults.bundled  // outside the lock: computed once per process
    return lazy.withLock { state in
      if let chain = state.featureChains[i] { return chain }
      let chain = FeatureChain(file: image.files[i].descriptor, defaults: defaults)
      state.featureChains[i] = chain
      return chain
    }
  }

  /// The source locations of the file with import path `file`.
  public func locations(file: String) -> SourceLocations? { files[file].map(locations) }

  /// The SourceCodeInfo location of the element at `path`, if recorded.
  public func location(file: String, path: [Int32]) -> Google_Protobuf_SourceCodeInfo.Location? {
    locations(file: file)?.location(path)
  }

  /// Span of the element at `path` in `file`, using the file's display path.
  public func span(file: String, path: [Int32]) -> Span? { locations(file: file)?.span(path) }

  /// Leading comments of the element at `path`, nil when it has none.
  public func leadingComments(file: String, path: [Int32]) -> String? {
    guard let l = location(file: file, path: path), l.hasLeadingComments else { return nil }
    return l.leadingComments
  }

  /// Trailing comments of the element at `path`, nil when it has none.
  public func trailingComments(file: String, path: [Int32]) -> String? {
    guard let l = location(file: file, path: path), l.hasTrailingComments else { return nil }
    return l.trailingComments
  }
}

/// The name tables of one Image, built in one pass over every file; read-only once built.
public final class NameTable: @unchecked Sendable {
  private(set) var messages: [String: MessageEntry] = [:]
  private(set) var enums: [String: EnumEntry] = [:]
  private(set) var services: [String: ServiceEntry] = [:]
  /// Import path of the file declaring each message, enum and service (by full name) and
  /// each extension (by `extendee#number`, extendee without a leading dot).
  private(set) var declaring: [String: String] = [:]

  private static func key(_ name: String) -> String { name.hasPrefix(".") ? String(name.dropFirst()) : name }

  /// Lookups by full name; a leading dot is accepted.
  public func message(_ fullName: String) -> MessageEntry? { messages[Self.key(fullName)] }
  public func enumType(_ fullName: String) -> EnumEntry? { enums[Self.key(fullName)] }
  public func service(_ fullName: String) -> ServiceEntry? { services[Self.key(fullName)] }

  /// The import path of the file declaring a symbol or an extension (`extendee#number`).
  public func fileDeclaring(_ symbol: String) -> String? { declaring[symbol] }

  init(_ image: Image) {
    for f in image.files {
      let d = f.descriptor
      let prefix = d.package.isEmpty ? "" : d.package + "."
      for (j, m) in d.messageType.enumerated() {
        addMessage(m, scope: prefix, file: d.name, package: d.package, path: [4, Int32(j)])
      }
      for (j, e) in d.enumType.enumerated() {
        enums[prefix + e.name] = EnumEntry(
          fullName: prefix + e.name, descriptor: e, file: d.name, path: [5, Int32(j)], package: d.package)
        declaring[prefix + e.name] = d.name
      }
      for (j, s) in d.service.enumerated() {
        services[prefix + s.name] = ServiceEntry(
          fullName: prefix + s.name, descriptor: s, file: d.name, path: [6, Int32(j)], package: d.package)
        declaring[prefix + s.name] = d.name
      }
      for x in d.extension { addExtension(x, file: d.name) }
    }
  }

  private func addMessage(
    _ m: Google_Protobuf_DescriptorProto, scope: String, file: String, package: String, path: [Int32]
  ) {
    let full = scope + m.name
    messages[full] = MessageEntry(fullName: full, descriptor: m, file: file, path: path, package: package)
    declaring[full] = file
    for (k, n) in m.nestedType.enumerated() {
      addMessage(n, scope: full + ".", file: file, package: package, path: path + [3, Int32(k)])
    }
    for (k, e) in m.enumType.enumerated() {
      enums[full + "." + e.name] = EnumEntry(
        fullName: full + "." + e.name, descriptor: e, file: file, path: path + [4, Int32(k)], package: package)
      declaring[full + "." + e.name] = file
    }
    for x in m.extension { addExtension(x, file: file) }
  }

  private func addExtension(_ x: Google_Protobuf_FieldDescriptorProto, file: String) {
    let extendee = x.extendee.hasPrefix(".") ? String(x.extendee.dropFirst()) : x.extendee
    declaring["\(extendee)#\(x.number)"] = file
  }
}
