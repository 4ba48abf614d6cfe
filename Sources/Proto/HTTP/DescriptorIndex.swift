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

/// Name and position lookup over an Image, built once and shared by the HTTP model,
/// the backends, lint and breaking.
public struct DescriptorIndex: Sendable {
  public let image: Image
  private var messages: [String: MessageEntry] = [:]
  private var enums: [String: EnumEntry] = [:]
  private var services: [String: ServiceEntry] = [:]
  private var files: [String: Int] = [:]
  /// Per file: SourceCodeInfo path → location. Built lazily would need a class; the
  /// table is cheap next to compiling, so it is built up front.
  private var locations: [String: [[Int32]: Google_Protobuf_SourceCodeInfo.Location]] = [:]

  public init(_ image: Image) {
    self.image = image
    for (i, f) in image.files.enumerated() {
      let d = f.descriptor
      files[d.name] = i
      let prefix = d.package.isEmpty ? "" : d.package + "."
      for (j, m) in d.messageType.enumerated() {
        addMessage(m, scope: prefix, file: d.name, package: d.package, path: [4, Int32(j)])
      }
      for (j, e) in d.enumType.enumerated() {
        enums[prefix + e.name] = EnumEntry(
          fullName: prefix + e.name, descriptor: e, file: d.name, path: [5, Int32(j)], package: d.package)
      }
      for (j, s) in d.service.enumerated() {
        services[prefix + s.name] = ServiceEntry(
          fullName: prefix + s.name, descriptor: s, file: d.name, path: [6, Int32(j)], package: d.package)
      }
      if d.hasSourceCodeInfo {
        var table: [[Int32]: Google_Protobuf_SourceCodeInfo.Location] = [:]
        for loc in d.sourceCodeInfo.location where table[loc.path] == nil { table[loc.path] = loc }
        locations[d.name] = table
      }
    }
  }

  private mutating func addMessage(
    _ m: Google_Protobuf_DescriptorProto, scope: String, file: String, package: String, path: [Int32]
  ) {
    let full = scope + m.name
    messages[full] = MessageEntry(fullName: full, descriptor: m, file: file, path: path, package: package)
    for (k, n) in m.nestedType.enumerated() {
      addMessage(n, scope: full + ".", file: file, package: package, path: path + [3, Int32(k)])
    }
    for (k, e) in m.enumType.enumerated() {
      enums[full + "." + e.name] = EnumEntry(
        fullName: full + "." + e.name, descriptor: e, file: file, path: path + [4, Int32(k)], package: package)
    }
  }

  private static func key(_ name: String) -> String { name.hasPrefix(".") ? String(name.dropFirst()) : name }

  public func message(_ fullName: String) -> MessageEntry? { messages[Self.key(fullName)] }
  public func enumType(_ fullName: String) -> EnumEntry? { enums[Self.key(fullName)] }
  public func service(_ fullName: String) -> ServiceEntry? { services[Self.key(fullName)] }
  public func file(_ name: String) -> ImageFile? { files[name].map { image.files[$0] } }

  /// All messages, sorted by full name (deterministic).
  public var allMessages: [MessageEntry] { messages.values.sorted { $0.fullName < $1.fullName } }

  /// The SourceCodeInfo location of the element at `path`, if recorded.
  public func location(file: String, path: [Int32]) -> Google_Protobuf_SourceCodeInfo.Location? {
    locations[file]?[path]
  }

  /// Span of the element at `path` in `file`, using the file's display path.
  public func span(file: String, path: [Int32]) -> Span? {
    guard let loc = location(file: file, path: path), loc.span.count >= 3 else { return nil }
    let s = loc.span
    let startLine = Int(s[0]) + 1
    let startCol = Int(s[1]) + 1
    let endLine = s.count == 4 ? Int(s[2]) + 1 : startLine
    let endCol = Int(s[s.count - 1]) + 1
    let display = self.file(file)?.displayPath ?? file
    return Span(
      file: display, start: SourcePosition(line: startLine, column: startCol),
      end: SourcePosition(line: endLine, column: endCol))
  }

  public func leadingComments(file: String, path: [Int32]) -> String? {
    guard let l = location(file: file, path: path), l.hasLeadingComments else { return nil }
    return l.leadingComments
  }

  public func trailingComments(file: String, path: [Int32]) -> String? {
    guard let l = location(file: file, path: path), l.hasTrailingComments else { return nil }
    return l.trailingComments
  }
}
