import Diagnostics
import Proto
import SwiftProtobuf

/// Finds protoc-gen-go types that would clash with the identifiers sebuf declares in
/// the same Go package (runtime types, `<Svc>Server`, `New<Svc>Client`, …), which
/// would otherwise only fail later in `go build`.
public struct GoNameCheck {
  let layout: GoLayout

  public init(layout: GoLayout) { self.layout = layout }

  /// Errors for messages and enums of `packages` whose Go names are in `reserved`
  /// (per Go import path), at the declaration of the clashing type.
  public func check(reserved: [String: Set<String>]) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let index = layout.index
    for f in index.image.files {
      // Files without a resolvable Go package are not generated (their error is reported where
      // the package is resolved), so they hold no clash of ours.
      guard let pkg = try? layout.package(of: f.name), let names = reserved[pkg.importPath] else { continue }
      let d = f.descriptor
      let prefix = d.package.isEmpty ? "" : d.package + "."
      var types: [(full: String, file: String, path: [Int32])] = []
      func walk(_ m: Google_Protobuf_DescriptorProto, _ full: String, _ path: [Int32]) {
        types.append((full, f.name, path))
        for (i, n) in m.nestedType.enumerated() { walk(n, full + "." + n.name, path + [3, Int32(i)]) }
        for (i, e) in m.enumType.enumerated() { types.append((full + "." + e.name, f.name, path + [4, Int32(i)])) }
      }
      for (i, m) in d.messageType.enumerated() { walk(m, prefix + m.name, [4, Int32(i)]) }
      for (i, e) in d.enumType.enumerated() { types.append((prefix + e.name, f.name, [5, Int32(i)])) }
      for t in types {
        let relative = d.package.isEmpty ? t.full : String(t.full.dropFirst(d.package.count + 1))
        let goName = GoNamer.camelCase(relative)
        guard names.contains(goName) else { continue }
        let span = index.span(file: t.file, path: t.path) ?? .file(f.displayPath)
        problems.append(
          .error(
            "\(t.full) becomes Go type \(goName), which sebuf also declares in Go package \(pkg.importPath); rename it or give the file another go_package",
            rule: "GENERATE", at: span))
      }
    }
    return problems
  }
}
