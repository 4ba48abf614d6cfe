import Basics

/// A `.proto` file's text as the resolver found it.
public struct SourceFile: Sendable {
  /// Where a file came from; decides whether it can be a target.
  public enum Origin: Sendable, Hashable {
    /// A module root: its files are targets unless excluded.
    case module
    /// An include root: imports only.
    case include
    /// Compiled into sebuf (well-known types, sebuf annotations).
    case bundled
    /// An in-memory file (tests, overlays).
    case memory
  }

  /// Path used in `import` statements and in the descriptor's `name`.
  public var importPath: String
  /// Path shown in diagnostics (relative to the workspace).
  public var displayPath: String
  public var bytes: [UInt8]
  public var origin: Origin
  /// Identifies the underlying file (e.g. its absolute path on disk), so that one
  /// file reached under two import paths is detected.
  public var identity: String

  public init(importPath: String, displayPath: String, bytes: [UInt8], origin: Origin, identity: String? = nil) {
    self.importPath = importPath
    self.displayPath = displayPath
    self.bytes = bytes
    self.origin = origin
    self.identity = identity ?? "\(origin):\(importPath)"
  }
}

/// Finds the text of an imported file by its import path. The compiler asks it for
/// every target and every import, so tests can swap the disk for memory.
public protocol ImportResolver: Sendable {
  /// The file with this import path; nil when no root, include or bundle has it.
  func resolve(_ importPath: String) -> SourceFile?
}

/// Files held in memory, then the bundled ones; for tests.
public struct InMemoryResolver: ImportResolver {
  public var files: [String: String]
  public var includeBundled: Bool

  public init(_ files: [String: String], includeBundled: Bool = true) {
    self.files = files
    self.includeBundled = includeBundled
  }

  public func resolve(_ importPath: String) -> SourceFile? {
    if let text = files[importPath] {
      return SourceFile(importPath: importPath, displayPath: importPath, bytes: Array(text.utf8), origin: .memory)
    }
    return includeBundled ? BundledResolver().resolve(importPath) : nil
  }
}

/// The well-known types and the sebuf annotation protos compiled into the binary.
public struct BundledResolver: ImportResolver {
  public init() {}
  public func resolve(_ importPath: String) -> SourceFile? {
    guard let text = BundledFiles.all[importPath] else { return nil }
    return SourceFile(importPath: importPath, displayPath: importPath, bytes: Array(text.utf8), origin: .bundled)
  }
  /// Import paths of every bundled file.
  public static var paths: [String] { BundledFiles.all.keys.sorted() }
}

/// Resolves imports as a ``SourceSet`` describes: the overlay, then module roots in
/// order, then include roots, then the bundled files. A workspace file therefore
/// shadows a bundled one with the same path.
public struct SourceSetResolver: ImportResolver {
  public let sources: SourceSet

  public init(_ sources: SourceSet) { self.sources = sources }

  public func resolve(_ importPath: String) -> SourceFile? {
    guard Self.isCleanRelative(importPath) else { return nil }
    if let text = sources.overlay[importPath] {
      return SourceFile(importPath: importPath, displayPath: importPath, bytes: Array(text.utf8), origin: .memory)
    }
    for root in sources.roots {
      if let f = Self.read(importPath, in: root, origin: .module) { return f }
    }
    for root in sources.includes {
      if let f = Self.read(importPath, in: root, origin: .include) { return f }
    }
    return BundledResolver().resolve(importPath)
  }

  static func read(_ importPath: String, in root: SourceSet.Root, origin: SourceFile.Origin) -> SourceFile? {
    let path = root.directory.isEmpty ? importPath : root.directory + "/" + importPath
    // `read` gives nil for a directory or a missing file.
    guard let bytes = FileSystem.read(path) else { return nil }
    let display = root.displayPrefix.isEmpty ? importPath : root.displayPrefix + "/" + importPath
    let identity = FileSystem.realPath(path) ?? FilePath.absolute(path)
    return SourceFile(importPath: importPath, displayPath: display, bytes: bytes, origin: origin, identity: identity)
  }

  /// Import paths are relative, `/`-separated, without `.` or `..` components.
  static func isCleanRelative(_ p: String) -> Bool {
    if p.isEmpty || p.hasPrefix("/") { return false }
    for c in p.split(separator: "/", omittingEmptySubsequences: false) {
      if c.isEmpty || c == "." || c == ".." { return false }
    }
    return true
  }
}
