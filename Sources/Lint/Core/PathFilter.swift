import Basics

/// Matches workspace-relative file paths against `ignore` / `ignore_only` entries, with
/// the one path-pattern semantics of sebuf (`Basics.Glob`).
public struct PathFilter: Sendable {
  public let patterns: [String]
  private let globs: [Glob]

  public init(_ patterns: [String]) {
    self.globs = patterns.map(Glob.init)
    self.patterns = globs.map(\.pattern)
  }

  public var isEmpty: Bool { patterns.isEmpty }

  /// Whether any pattern matches `path`.
  public func matches(_ path: String) -> Bool {
    globs.contains { $0.matches(path) }
  }

  /// Whether `pattern` matches `path`.
  public static func match(_ pattern: String, _ path: String) -> Bool {
    Glob(pattern).matches(path)
  }

}
