import Diagnostics
import Proto

/// A code generator: a function from an Image (plus options) to files. Native backends
/// are pure; ``PluginRunner`` is one more backend that runs a protoc plugin. Backends
/// never touch the output directory; the Plan module writes what they return.
public protocol Backend: Sendable {
  /// The id users write in `sebuf.yaml` (`go-http`, `openapi`, …; a plugin's name).
  var name: String { get }
  /// Generates files for `request.filesToGenerate`. Throws ``DiagnosticError`` for
  /// invalid input (with spans) and for bad options.
  func generate(_ request: GenerationRequest) throws -> [GeneratedFile]
  /// ``generate(_:)`` plus what the generator printed for the user. The default (native
  /// backends) prints nothing; a plugin returns its stderr, shown even on success.
  func run(_ request: GenerationRequest) throws -> GenerationOutput
}

extension Backend {
  public func run(_ request: GenerationRequest) throws -> GenerationOutput {
    GenerationOutput(files: try generate(request), stderr: "")
  }
}

/// What one backend invocation returns.
public struct GenerationOutput: Sendable {
  /// The files, in the order generated (a plugin's insertions after their targets).
  public var files: [GeneratedFile]
  /// Text the generator printed for the user (a plugin's stderr); empty for native backends.
  public var stderr: String

  public init(files: [GeneratedFile], stderr: String) {
    self.files = files
    self.stderr = stderr
  }
}

/// The input of one backend invocation.
public struct GenerationRequest: Sendable {
  /// Every file the targets need, in dependency order (targets included).
  public var image: Image
  /// Import paths of the files to generate for.
  public var filesToGenerate: [String]
  /// Backend options as `key=value` pairs, in the order written.
  public var options: [(key: String, value: String)]
  /// Already serialized descriptors by file name (``PluginRequest/encode(_:)``) that a
  /// plugin request reuses instead of encoding them again; native backends ignore it.
  public var encodedFiles: [String: [UInt8]]

  public init(
    image: Image, filesToGenerate: [String], options: [(key: String, value: String)] = [],
    encodedFiles: [String: [UInt8]] = [:]
  ) {
    self.image = image
    self.filesToGenerate = filesToGenerate
    self.options = options
    self.encodedFiles = encodedFiles
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
