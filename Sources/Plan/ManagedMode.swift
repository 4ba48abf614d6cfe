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
  /// - an override whose path is the file (`…proto`) sets `go_package` to its value;
  /// - an override whose path is a directory containing the file acts as a prefix;
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
    if let exact = config.goPackageOverrides[name] { return exact }
    // The most specific directory override wins.
    let dirOverride = config.goPackageOverrides
      .filter { !$0.key.hasSuffix(".proto") && PathRules.matches($0.key, name) }
      .max { $0.key.count < $1.key.count }
    if let (key, prefix) = dirOverride {
      let base = PathRules.normalize(key) ?? key
      let rest = dir == base ? "" : String(dir.dropFirst(base == "." ? 0 : base.count + 1))
      return join(prefix, rest)
    }
    guard let prefix = config.goPackagePrefix else { return nil }
    return join(prefix, dir == "." ? "" : dir)
  }

  private static func join(_ prefix: String, _ rest: String) -> String {
    var p = prefix
    while p.hasSuffix("/") { p.removeLast() }
    return rest.isEmpty ? p : p + "/" + rest
  }
}
