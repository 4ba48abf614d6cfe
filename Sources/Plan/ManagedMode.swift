import Basics
import Config
import Proto
import SwiftProtobuf

/// buf's managed mode, limited to `go_package`: applied to the Image every job sees, so
/// outputs get Go import paths without options in the `.proto` files.
public enum ManagedMode {
  /// Whether `config` changes anything.
  public static func isActive(_ config: ManagedConfig) -> Bool {
    config.goPackagePrefix != nil || !config.goPackageOverrides.isEmpty
  }

  /// The Image with `go_package` set on every module file (not an import) and on the
  /// bundled sebuf protos (`sebuf/http/…`), unless the path is in `except`:
  /// - an override whose path is the file or a directory containing it sets `go_package`
  ///   to its value (the most specific override wins);
  /// - else `go_package_prefix` + "/" + the file's directory (the prefix alone at the root).
  /// Paths are import paths (relative to the module root), as in buf.
  public static func apply(_ config: ManagedConfig, to image: Image) -> Image {
    guard isActive(config) else { return image }
    var result = image
    for i in result.files.indices {
      let file = result.files[i]
      let managed = !file.isImport || file.name.hasPrefix("sebuf/http/")
      guard managed, let value = goPackage(for: file.name, config) else { continue }
      result.files[i].descriptor.options.goPackage = value
    }
    return result
  }

  /// The `go_package` managed mode gives `name`, or nil to leave it alone.
  public static func goPackage(for name: String, _ config: ManagedConfig) -> String? {
    if config.except.contains(where: { PathRules.matches($0, name) }) { return nil }
    let dir = PathRules.directory(of: name)
    // An override names a file or a directory (import paths); the most specific wins and
    // its value is the go_package itself (buf's `override: go_package`).
    let override = config.goPackageOverrides
      .filter { PathRules.matches($0.key, name) }
      .max { $0.key.count < $1.key.count }
    if let (_, value) = override { return value }
    guard let prefix = config.goPackagePrefix else { return nil }
    return join(prefix, dir == "." ? "" : dir)
  }

  private static func join(_ prefix: String, _ rest: String) -> String {
    // `prefix/dir`, without doubled slashes.
    var p = prefix
    while p.hasSuffix("/") { p.removeLast() }
    return rest.isEmpty ? p : p + "/" + rest
  }
}
