// From a validated Workspace to what the compiler reads: module roots, import roots,
// excluded directories and (with `--path`) the target files.
import Basics
import Config
import Diagnostics
import Proto

extension Workspace {
  /// The compiler's input. `paths` (relative to the workspace, files or directories, as
  /// `--path` gives them) limit the targets; empty means every module file.
  public func sourceSet(paths: [String]) -> SourceSet {
    let roots = modules.map { SourceSet.Root(directory: absolute($0.path), displayPrefix: prefix($0.path)) }
    let includeRoots =
      includes.map { SourceSet.Root(directory: absolute($0), displayPrefix: prefix($0)) }
      + cachedDependencies.map { SourceSet.Root(directory: $0, displayPrefix: $0) }
    let excludes = modules.flatMap(\.excludes)
    var targets: [String] = []
    if !paths.isEmpty {
      var seen = Set<String>()
      for file in moduleFiles(paths: paths) where seen.insert(file.importPath).inserted {
        targets.append(file.importPath)
      }
      // A path that selects nothing must not widen the run to every file: keep it as a
      // target so the compiler reports it as missing.
      if targets.isEmpty { targets = paths.map { importPath(of: $0) } }
    }
    return SourceSet(roots: roots, includes: includeRoots, targets: targets, excludes: excludes)
  }

  /// One `.proto` file of a module.
  public struct ModuleFile: Sendable, Hashable {
    /// Path relative to the workspace (`proto/acme/v1/a.proto`).
    public var displayPath: String
    /// Path relative to its module (`acme/v1/a.proto`).
    public var importPath: String
  }

  /// The module files on disk (sorted by display path), minus excludes, limited to
  /// `paths` (workspace-relative files or directories) when given.
  public func moduleFiles(paths: [String] = []) -> [ModuleFile] {
    var out: [ModuleFile] = []
    let wanted = paths.map { Glob(Self.normalize($0)) }
    for m in modules {
      let dir = absolute(m.path)
      let excludes = m.excludes.map(Glob.init)
      for rel in Self.protoFiles(under: dir) {
        let display = m.path == "." ? rel : m.path + "/" + rel
        let excluded = excludes.contains { $0.matches(display) }
        if !wanted.isEmpty {
          // A file named exactly is taken even inside an excluded directory.
          let explicit = wanted.contains { $0.pattern == display }
          let selected = wanted.contains { $0.matches(display) }
          if !(explicit || (selected && !excluded)) { continue }
        } else if excluded {
          continue
        }
        out.append(ModuleFile(displayPath: display, importPath: rel))
      }
    }
    return out.sorted { $0.displayPath < $1.displayPath }
  }

  /// `--path` values that select no module file, as diagnostics (exit 1 in the CLI).
  public func unmatchedPaths(_ paths: [String]) -> [Diagnostic] {
    paths.compactMap { p in
      if moduleFiles(paths: [p]).isEmpty {
        let what = FileSystem.exists(absolute(Self.normalize(p))) ? "has no .proto file of a module" : "does not exist"
        return .error(
          "--path \(p) \(what); give a .proto file or a directory inside a module (\(modules.map(\.path).joined(separator: ", "))).",
          rule: "CONFIG")
      }
      return nil
    }
  }

  // MARK: - Private

  private func absolute(_ rel: String) -> String { rel == "." ? root : root + "/" + rel }
  private func prefix(_ rel: String) -> String { rel == "." ? "" : rel }

  /// A workspace-relative path as an import path of the module that holds it.
  private func importPath(of path: String) -> String {
    let p = Self.normalize(path)
    for m in modules where m.path == "." || p.hasPrefix(m.path + "/") {
      return m.path == "." ? p : String(p.dropFirst(m.path.count + 1))
    }
    return p
  }

  static func normalize(_ p: String) -> String {
    var parts: [Substring] = []
    for c in p.split(separator: "/") where c != "." { parts.append(c) }
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// Every `.proto` file under `dir`, relative to it, sorted; hidden directories skipped.
  static func protoFiles(under dir: String) -> [String] {
    FileSystem.walkFiles(under: dir) { $0.hasSuffix(".proto") }
  }
}
