// `sebuf export`: the source of every file a compiled workspace holds, by import path, as
// `buf export` copies a module's files and their imports into a directory. The
// well-known types are left out (every compiler has them built in, as in buf).
import Basics
import Proto

public enum ModuleExport {
  /// (import path, contents) of the image's files, targets first in image order; imports
  /// too unless `includeImports` is false. Each comes from where the compiler read it:
  /// a module, an include root, a dependency or sebuf's bundled files.
  public static func files(_ image: Image, sources: SourceSet, includeImports: Bool) -> [(path: String, bytes: [UInt8])]
  {
    let resolver = SourceSetResolver(sources)
    var out: [(String, [UInt8])] = []
    for file in image.files where includeImports || !file.isImport {
      if file.isImport && file.name.hasPrefix("google/protobuf/") { continue }
      guard let source = resolver.resolve(file.name) else { continue }
      out.append((file.name, source.bytes))
    }
    return out
  }
}
