// What `--against` names, parsed from buf's input grammar `path#key=value,key=value`:
// a git repository at a branch, tag or revision (optionally a subdirectory of it), a
// directory, or an image file.
import Basics
import Diagnostics
import Proto

/// A parsed `--against` value.
public enum AgainstInput: Equatable, Sendable {
  /// A git repository (`.git` or any path with `format=git`) at a ref.
  case git(repository: String, ref: GitRef, subdir: String?)
  /// A workspace directory on disk.
  case directory(String)
  /// An image file: FileDescriptorSet as binary (`.binpb`, `.bin`, `.pb`) or JSON (`.json`).
  case image(String, ImageIO.Format)

  /// Which commit of a repository.
  public enum GitRef: Equatable, Sendable {
    case branch(String)
    case tag(String)
    /// Anything `git rev-parse` understands: `HEAD~1`, a sha, `origin/main`.
    case ref(String)
  }

  /// Parses `value`. `isDirectory` tells whether a plain path is a directory on disk.
  public static func parse(_ value: String, isDirectory: (String) -> Bool) throws -> AgainstInput {
    let (path, options) = try splitOptions(value)
    var format = options["format"]
    if format == nil {
      if path.hasSuffix(".git") || path == ".git" {
        format = "git"
      } else if path.hasSuffix(".binpb") || path.hasSuffix(".bin") || path.hasSuffix(".pb") {
        format = "binpb"
      } else if path.hasSuffix(".json") {
        format = "json"
      } else {
        format = "dir"
      }
    }
    switch format {
    case "git":
      let refs = [("branch", options["branch"]), ("tag", options["tag"]), ("ref", options["ref"] ?? options["commit"])]
        .filter { $0.1 != nil }
      guard refs.count <= 1 else {
        throw AgainstError("--against \(value): give only one of branch=, tag= or ref=.")
      }
      let ref: GitRef
      switch refs.first {
      case ("branch", let n?)?: ref = .branch(n)
      case ("tag", let n?)?: ref = .tag(n)
      case (_, let n?)?: ref = .ref(n)
      default: ref = .ref("HEAD")
      }
      let subdir = options["subdir"].flatMap { $0.isEmpty || $0 == "." ? nil : $0 }
      // Values reach git as arguments: one that starts with `-` would be read as an option.
      for (key, v) in [("subdir", subdir)] + refs.map({ ($0.0, $0.1) }) {
        if let v, v.hasPrefix("-") {
          throw AgainstError(
            "--against \(value): \(key)=\(v) starts with `-`; give a \(key == "subdir" ? "directory" : "ref") name.")
        }
      }
      if let subdir, subdir.hasPrefix("/") || PathRules.normalize(subdir) == nil {
        throw AgainstError("--against \(value): subdir=\(subdir) must be a relative path inside the repository.")
      }
      return .git(repository: path, ref: ref, subdir: subdir)
    case "binpb", "bin": return .image(path, .binary)
    case "json": return .image(path, .json)
    case "dir":
      if options["subdir"] != nil || options["branch"] != nil || options["tag"] != nil || options["ref"] != nil {
        throw AgainstError(
          "--against \(value): branch=, tag=, ref= and subdir= apply to git inputs (`.git#branch=main`).")
      }
      return .directory(path)
    default:
      throw AgainstError(
        "--against \(value): unknown format \(GoString.quote(format ?? "")); use git, dir, binpb or json.")
    }
  }

  private static func splitOptions(_ value: String) throws -> (String, [String: String]) {
    guard let hash = value.firstIndex(of: "#") else { return (value, [:]) }
    let path = String(value[..<hash])
    var options: [String: String] = [:]
    for part in value[value.index(after: hash)...].split(separator: ",") {
      guard let eq = part.firstIndex(of: "=") else {
        throw AgainstError(
          "--against \(value): option \(GoString.quote(String(part))) needs a value, like branch=main.")
      }
      let key = String(part[..<eq]).trimmingSpaces
      let known = ["branch", "tag", "ref", "commit", "subdir", "format", "depth", "recurse_submodules"]
      guard known.contains(key) else {
        throw AgainstError(
          "--against \(value): unknown option \(GoString.quote(key)); known: \(known.joined(separator: ", ")).")
      }
      options[key] = String(part[part.index(after: eq)...]).trimmingSpaces
    }
    return (path.isEmpty ? "." : path, options)
  }
}

/// A problem with the `--against` input: printed as is, exit 1.
public struct AgainstError: Error, CustomStringConvertible, Sendable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
  public var diagnostic: Diagnostic { .error(message, rule: "AGAINST") }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
