import SwiftProtobuf

/// The compiled form of a workspace: every file's `FileDescriptorProto`, in dependency
/// order (a file comes after everything it imports), each marked as a target of the
/// run or an import. Lint, breaking, the backends and plugins all read this one shape.
public struct Image: Sendable {
  public var files: [ImageFile]

  public init(files: [ImageFile]) { self.files = files }

  /// The files that are the run's targets (not imports).
  public var targets: [ImageFile] { files.filter { !$0.isImport } }

  /// The file with this import path, if present.
  public func file(named name: String) -> ImageFile? { files.first { $0.name == name } }
}

/// One file of an ``Image``.
public struct ImageFile: Sendable {
  public var descriptor: Google_Protobuf_FileDescriptorProto
  /// Whether the file was only compiled because a target imports it.
  public var isImport: Bool
  /// Path shown to users (relative to the workspace), e.g. `proto/acme/v1/a.proto`;
  /// equals `name` for bundled files.
  public var displayPath: String

  public init(descriptor: Google_Protobuf_FileDescriptorProto, isImport: Bool, displayPath: String? = nil) {
    self.descriptor = descriptor
    self.isImport = isImport
    self.displayPath = displayPath ?? descriptor.name
  }

  /// The import path (`acme/v1/a.proto`).
  public var name: String { descriptor.name }
}
