import Diagnostics
import Proto

/// A code generator: a pure function from an Image (plus options) to files.
/// Backends never touch the disk; the Plan module writes what they return.
public protocol Backend: Sendable {
  /// The id users write in `sebuf.yaml` (`go-http`, `openapi`, …).
  var name: String { get }
  /// Generates files for `request.filesToGenerate`. Throws ``DiagnosticError`` for
  /// invalid input (with spans) and for bad options.
  func generate(_ request: GenerationRequest) throws -> [GeneratedFile]
}

/// The input of one backend invocation.
public struct GenerationRequest: Sendable {
  /// Every file the targets need, in dependency order (targets included).
  public var image: Image
  /// Import paths of the files to generate for.
  public var filesToGenerate: [String]
  /// Backend options as `key=value` pairs, in the order written.
  public var options: [(key: String, value: String)]

  public init(image: Image, filesToGenerate: [String], options: [(key: String, value: String)] = []) {
    self.image = image
    self.filesToGenerate = filesToGenerate
    self.options = options
  }

  /// The last value given for `key`, if any.
  public func option(_ key: String) -> String? { options.last { $0.key == key }?.value }
}

/// One output file of a native backend or a protoc plugin: the one file type from
/// generation to the output writer. `path` is relative to the job's `out` directory.
public struct GeneratedFile: Sendable, Hashable {
  public var path: String
  /// Non-empty (plugins only): `contents` is not a file of its own but goes into the
  /// earlier file `path` at `@@protoc_insertion_point(<this>)`.
  public var insertionPoint: String
  public var contents: [UInt8]

  public init(path: String, insertionPoint: String = "", contents: [UInt8]) {
    self.path = path
    self.insertionPoint = insertionPoint
    self.contents = contents
  }

  public init(path: String, text: String) {
    self.init(path: path, contents: Array(text.utf8))
  }
}
