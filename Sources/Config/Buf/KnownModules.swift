/// BSR modules whose files sebuf recognises by import path: the ones a buf.yaml names under
/// `deps` and managed-mode rules name under `module`.
public enum KnownModules {
  /// BSR name → the import-path prefixes of its files.
  public static let prefixes: [(module: String, prefixes: [String])] = [
    ("buf.build/sebmelki/sebuf", ["sebuf/http/"]),
    ("buf.build/bufbuild/protovalidate", ["buf/validate/"]),
    ("buf.build/googleapis/googleapis", ["google/api/", "google/rpc/", "google/type/", "google/longrunning/"]),
  ]

  /// The BSR module an imported file belongs to, by its import path; nil when unknown.
  public static func module(ofImport path: String) -> String? {
    prefixes.first { $0.prefixes.contains { path.hasPrefix($0) } }?.module
  }
}
