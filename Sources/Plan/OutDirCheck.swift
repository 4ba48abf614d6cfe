import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What sebuf may write into: an `out` dir and `.sebuf` must be real directories inside
/// the workspace. A symlink on the way that leads out of it would make sebuf write (and
/// later clean up) files elsewhere, so it is refused before anything runs.
enum OutDirCheck {
  /// Why `out` (normalised, workspace-relative) cannot be written into, or nil. Every
  /// existing component is checked; missing ones will be created as plain directories.
  static func problem(root: String, out: String) -> String? {
    let realRoot = FileSystem.realPath(root) ?? root
    var current = root
    var shown = ""
    for part in out == "." ? [] : out.split(separator: "/").map(String.init) {
      current += "/" + part
      shown = shown.isEmpty ? part : shown + "/" + part
      var st = stat()
      guard lstat(current, &st) == 0 else { return nil }
      switch st.st_mode & S_IFMT {
      case S_IFDIR:
        continue
      case S_IFLNK:
        guard let real = FileSystem.realPath(current) else {
          return "goes through the symlink \(shown), which points nowhere; remove the link or make it a directory"
        }
        guard PathRules.contains(realRoot, real) || real == realRoot else {
          return
            "goes through the symlink \(shown), which leads to \(real), outside the workspace; sebuf writes only inside the workspace: make \(shown) a real directory or choose another out"
        }
        guard FileSystem.isDirectory(current) else {
          return "goes through \(shown), a symlink to a file, not a directory; remove it or choose another out"
        }
      default:
        return shown == out
          ? "is a file, not a directory; remove or rename the file, or choose another out"
          : "cannot be created: \(shown) is a file, not a directory; remove or rename it, or choose another out"
      }
    }
    return nil
  }

  /// Why `.sebuf` (lock and manifest) cannot be used, or nil.
  static func cacheProblem(root: String) -> String? {
    var st = stat()
    let path = root + "/.sebuf"
    guard lstat(path, &st) == 0 else { return nil }
    switch st.st_mode & S_IFMT {
    case S_IFDIR: return nil
    case S_IFLNK:
      return
        "\(path) is a symlink (to \(FileSystem.realPath(path) ?? "nowhere")); sebuf keeps its lock and manifest only in a real directory inside the workspace: remove the link (the directory is a cache, safe to delete)"
    default:
      return "\(path) is a file, not sebuf's cache directory; remove it (sebuf recreates it)"
    }
  }
}
