/// The imports of one Go file: standard-library paths and other packages, each with a
/// name unique in the file. Rendered sorted, in gofmt's grouping.
public struct GoImports: Sendable {
  private let local: GoPackage
  private var std: Set<String> = []
  private var external: [String: String] = [:]  // path → name
  private var taken: Set<String>

  /// `local` is the file's own package; `reserved` are names the file declares or
  /// uses unqualified that an import name must not shadow.
  public init(local: GoPackage, reserved: Set<String> = []) {
    self.local = local
    taken = reserved.union([local.name])
  }

  /// Imports a standard-library package, e.g. `context`, `net/http`.
  public mutating func std(_ path: String) {
    std.insert(path)
    taken.insert(String(path.split(separator: "/").last ?? ""))
  }

  /// The qualifier for `package` (nil for the file's own package), importing it.
  public mutating func qualifier(_ package: GoPackage) -> String? {
    if package.importPath == local.importPath { return nil }
    if let name = external[package.importPath] { return name }
    var name = package.name
    var n = 1
    while taken.contains(name) {
      n += 1
      name = package.name + String(n)
    }
    taken.insert(name)
    external[package.importPath] = name
    return name
  }

  /// `pkg.Name` or `Name` for a type.
  public mutating func name(_ type: GoTypeRef) -> String {
    if let q = qualifier(type.package) { return q + "." + type.name }
    return type.name
  }

  /// The `import (...)` block (empty when nothing is imported).
  public func render(into p: inout CodePrinter) {
    guard !std.isEmpty || !external.isEmpty else { return }
    p.line("import (")
    p.indented { p in
      for path in std.sorted() { p.line(GoNamer.quote(path)) }
      if !std.isEmpty && !external.isEmpty { p.blank() }
      for (path, name) in external.sorted(by: { $0.key < $1.key }) {
        let last = String(path.split(separator: "/").last ?? "")
        p.line(name == last ? GoNamer.quote(path) : name + " " + GoNamer.quote(path))
      }
    }
    p.line(")")
    p.blank()
  }
}
