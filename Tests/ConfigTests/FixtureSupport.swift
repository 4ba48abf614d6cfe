import Config
import Diagnostics
import Foundation

/// Locates the fixtures next to this file (the source tree, so empty directories and
/// `.keep` files are exactly as committed).
enum Fixtures {
  static let root: String = {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    return here.appendingPathComponent("Fixtures").path
  }()

  static func path(_ rel: String) -> String { root + "/" + rel }

  /// Names of the invalid workspace fixtures (each a directory with an expected.txt).
  static func invalidCases() -> [String] {
    let dir = path("invalid")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  static func read(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }

  /// The text-format diagnostics from loading a workspace directory ("" when it loads).
  /// The generation scope by default: every section is read and checked.
  static func loadErrors(_ dir: String, configFile: String? = nil, scope: ConfigScope = .generation) -> String {
    do {
      _ = try Workspace.load(directory: dir, configFile: configFile, scope: scope)
      return ""
    } catch let e as DiagnosticError {
      return DiagnosticFormat.text.render(e.diagnostics)
    } catch {
      return "unexpected error: \(error)"
    }
  }
}

/// A throwaway directory for tests that write files.
struct TempDir {
  let path: String
  init() {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("sebuf-config-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  func write(_ rel: String, _ text: String) {
    let full = path + "/" + rel
    try? FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? text.write(toFile: full, atomically: true, encoding: .utf8)
  }
  func mkdir(_ rel: String) {
    try? FileManager.default.createDirectory(atPath: path + "/" + rel, withIntermediateDirectories: true)
  }
  func remove() { try? FileManager.default.removeItem(atPath: path) }
}
