// Paths as buf shows them: relative to where the user stands, not to the workspace. `buf lint
// proto` prints `proto/acme/v1/a.proto:3:1:…`, and GitHub annotations, editors and CI parsers
// open that path from the current directory. sebuf keeps workspace-relative paths inside (lint
// ignores and rule paths are workspace-relative) and prefixes them only when printing.
import Basics

public enum ShownPaths {
  /// What to put before a workspace-relative path so that it reads from the current directory:
  /// the workspace root as the user reached it. An absolute directory argument gives the
  /// absolute root (buf prints `/abs/proto/a.proto`); a relative one the root relative to the
  /// current directory (`proto`, empty when the root is the current directory). A root above
  /// the current directory (a command run inside a workspace) keeps workspace-relative paths.
  public static func base(argument: String, root: String, currentDirectory: String) -> String {
    if argument.hasPrefix("/") { return root }
    guard let rel = FilePath.relative(root, to: currentDirectory), rel != "." else { return "" }
    return rel
  }
}

extension Diagnostic {
  /// The diagnostic with its file shown under `base` (see ``ShownPaths/base(argument:root:currentDirectory:)``);
  /// absolute paths, diagnostics without a file and those about the input as a whole (a
  /// deleted file: buf prints no path) are unchanged.
  public func shown(under base: String) -> Diagnostic {
    guard !base.isEmpty, var span, !span.file.isEmpty, !span.file.hasPrefix("/"), span.file != Span.inputFile
    else { return self }
    span.file = FilePath.join(base, span.file)
    var copy = self
    copy.span = span
    return copy
  }
}
