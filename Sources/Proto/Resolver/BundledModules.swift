// Which module each bundled file belongs to, and which release of which registry package it
// was copied from: what `sebuf --version` and `sebuf ls-files --include-imports --format json`
// report, so a user can tell which protovalidate or googleapis their build compiled against.

/// One module whose files the binary embeds.
public struct BundledModule: Sendable, Hashable {
  /// The BSR name a buf.yaml `deps` entry uses (`buf.build/googleapis/googleapis`).
  public var name: String
  /// Where the files came from (`PyPI googleapis-common-protos`).
  public var source: String
  /// The release of `source` (`1.76.0`).
  public var version: String
  /// The import-path prefixes of its files (`google/api/`).
  public var prefixes: [String]
}

public enum BundledModules {
  /// Every bundled module, in the order of Sources/Proto/Bundled/MODULES.tsv.
  public static let all: [BundledModule] = BundledModuleTable.all.map {
    BundledModule(name: $0.module, source: $0.source, version: $0.version, prefixes: $0.prefixes)
  }

  /// The module of a bundled file (by import path); nil for a path sebuf does not bundle.
  public static func module(ofBundledFile importPath: String) -> BundledModule? {
    guard BundledFiles.all[importPath] != nil else { return nil }
    return all.first { m in m.prefixes.contains { importPath.hasPrefix($0) } }
  }

  /// `--version`'s lines about the bundled modules.
  public static var versionReport: String {
    "bundled modules:\n" + all.map { "  \($0.name) \($0.version) (\($0.source))" }.joined(separator: "\n")
  }
}
