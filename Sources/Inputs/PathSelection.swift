// `--path`: values given relative to the current directory, made workspace-relative and
// checked, so every command limits a run the same way.
import Basics
import Config
import Diagnostics

extension Workspace {
  /// `paths` (relative to `cwd`, files or directories) made relative to the workspace
  /// root. A path outside the workspace, or one that selects no module file, is an error
  /// (all of them, in one `DiagnosticError`).
  public func selectPaths(_ paths: [String], cwd: String = FilePath.currentDirectory()) throws(DiagnosticError)
    -> [String]
  {
    var result: [String] = []
    var problems: [Diagnostic] = []
    for p in paths {
      if let rel = FilePath.relative(FilePath.absolute(p, base: cwd), to: FilePath.absolute(root)) {
        result.append(rel)
      } else {
        problems.append(
          .error("--path \(p) is outside the workspace \(root); give a path inside it.", rule: "CONFIG"))
      }
    }
    if problems.isEmpty { problems = unmatchedPaths(result) }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return result
  }

  /// The same settings with another root (the against side's copy of the workspace).
  public func rooted(at root: String) -> Workspace {
    var w = self
    w.root = root
    return w
  }
}

extension Workspace {
  /// The workspace with `--exclude-path` values (relative to `cwd`, files or directories)
  /// added to every module's excludes, for one run: the files under them are not targets
  /// (they may still be imported), on every side a run compiles. A path outside the
  /// workspace is an error.
  public func excluding(_ paths: [String], cwd: String = FilePath.currentDirectory()) throws(DiagnosticError)
    -> Workspace
  {
    excluding(relative: try excludePaths(paths, cwd: cwd))
  }

  /// The workspace with `relative` (workspace-relative, normalised) added to every
  /// module's excludes.
  public func excluding(relative: [String]) -> Workspace {
    var w = self
    for i in w.modules.indices { w.modules[i].excludes += relative }
    return w
  }

  /// `--exclude-path` values (relative to `cwd`) made workspace-relative and normalised;
  /// a path outside the workspace is an error.
  public func excludePaths(_ paths: [String], cwd: String = FilePath.currentDirectory()) throws(DiagnosticError)
    -> [String]
  {
    var relative: [String] = []
    var problems: [Diagnostic] = []
    for p in paths {
      if let rel = FilePath.relative(FilePath.absolute(p, base: cwd), to: FilePath.absolute(root)) {
        relative.append(Self.normalize(rel))
      } else {
        problems.append(
          .error("--exclude-path \(p) is outside the workspace \(root); give a path inside it.", rule: "CONFIG"))
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return relative
  }
}
