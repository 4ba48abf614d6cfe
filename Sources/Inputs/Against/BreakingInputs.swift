// The two sides of `sebuf breaking` as Images: the input (a workspace compiled, or an
// image file) and what `--against` names (a git ref exported with git, a directory
// compiled with the input's settings, or an image file).
import Basics
import Config
import Diagnostics
import Proto

public enum BreakingInputs {
  /// The image format a path's extension names, nil for anything else (a directory).
  public static func imageFormat(_ path: String) -> ImageIO.Format? {
    ImageIO.Format(path: path)
  }

  /// The input side: the image file at `directory`, or the workspace compiled.
  public static func current(directory: String, workspace: Workspace, paths: [String]) throws -> Image {
    if let format = imageFormat(directory) {
      return try readImage(directory, format: format, side: "input")
    }
    return try compile(workspace, paths: paths, side: "input")
  }

  /// What `value` (buf's input grammar) names, as an Image compiled with `workspace`'s
  /// settings. A git ref is exported to a temporary directory that is gone on return.
  public static func against(_ value: String, workspace: Workspace, paths: [String]) throws -> Image {
    switch try AgainstInput.parse(value, isDirectory: FileSystem.isDirectory) {
    case .image(let path, let format):
      return try readImage(path, format: format, side: "--against")
    case .directory(let dir):
      guard FileSystem.isDirectory(dir) else {
        throw AgainstError("--against: \(dir) is not a directory, a git input (`.git#branch=main`) or an image file.")
      }
      return try compile(workspace.rooted(at: FilePath.absolute(dir)), paths: paths, side: "--against", lenient: true)
    case .git(let repository, let ref, let subdir):
      let snapshot = try GitSnapshot.extract(repository: repository, ref: ref, subdir: subdir)
      defer { FileSystem.removeTree(snapshot.root) }
      var root = snapshot.directory
      if subdir == nil, let inRepo = GitSnapshot.prefix(of: workspace.root, repository: repository), !inRepo.isEmpty {
        root += "/" + inRepo
      }
      return try compile(workspace.rooted(at: root), paths: paths, side: "--against", lenient: true)
    }
  }

  static func readImage(_ path: String, format: ImageIO.Format, side: String) throws -> Image {
    do {
      return try ImageFileReader.read(path, format: format, flag: side)
    } catch let e as ImageFileReader.ReadError {
      throw AgainstError(e.description)
    }
  }

  /// Compiles a workspace. `lenient` (the against side): `--path` values that select nothing
  /// there select nothing (the files are new), instead of being errors.
  static func compile(_ ws: Workspace, paths: [String], side: String, lenient: Bool = false) throws -> Image {
    var sources = ws.sourceSet(paths: paths)
    if lenient && !paths.isEmpty {
      sources.targets = ws.moduleFiles(paths: paths).map(\.importPath)
      if sources.targets.isEmpty { return Image(files: []) }
    }
    let (image, diagnostics) = Proto.compile(sources)
    guard let image, !diagnostics.hasErrors else {
      var ds = diagnostics.filter { $0.severity >= .error }
      if side != "input" {
        ds = ds.map { d in
          var d = d
          d.message = "\(side) (\(ws.root)): " + d.message
          return d
        }
      }
      throw DiagnosticError(ds.isEmpty ? [.error("\(side): compilation failed", rule: "COMPILE")] : ds)
    }
    return image
  }
}
