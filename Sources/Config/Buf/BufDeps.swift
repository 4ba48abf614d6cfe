// buf.yaml `deps`: sebuf never downloads, so each dependency must already be here — bundled in
// the binary, or vendored in a directory the workspace compiles from. Anything else is an error
// at its line that says how to vendor it.
import Basics

/// How each known BSR module is found without the network.
enum BufDeps {
  /// Modules whose files the binary embeds (Sources/Proto/Bundled, by scripts/embed).
  static let bundled: Set<String> = [
    "buf.build/sebmelki/sebuf", "buf.build/googleapis/googleapis", "buf.build/bufbuild/protovalidate",
  ]

  /// `buf.build/owner/repo` from a reference (`…:label`, `…:commit`).
  static func moduleName(_ reference: String) -> String {
    String(reference.split(separator: ":", maxSplits: 1).first ?? "")
  }
}

extension WorkspaceValidator {
  /// Checks that every dependency resolves: bundled, or (for a module sebuf knows by import
  /// path) vendored under a module or include directory.
  mutating func deps(_ deps: [Located<String>], modules: [Module], includes: [String]) {
    let roots = modules.map(\.path) + includes
    for d in deps {
      let name = BufDeps.moduleName(d.value)
      if BufDeps.bundled.contains(name) { continue }
      let known = KnownModules.prefixes.first { $0.module == name }
      if let known, vendored(known.prefixes, under: roots) { continue }
      let message =
        "dependency \"\(d.value)\" is neither bundled nor vendored, and sebuf does not download modules. Vendor it (`buf export \(name) -o third_party`), then add `third_party` under includes in sebuf.yaml (`sebuf init --from-buf` converts this buf.yaml) or as a module with its lint ignored. Bundled: \(BufDeps.bundled.sorted().joined(separator: ", "))."
      error(message, at: d.span)
    }
  }

  /// Whether a directory with one of the module's import-path prefixes exists under a root.
  private func vendored(_ prefixes: [String], under roots: [String]) -> Bool {
    roots.contains { root in
      prefixes.contains { prefix in
        let dir = FilePath.join(root == "." ? self.root : FilePath.join(self.root, root), String(prefix.dropLast()))
        return FileSystem.kind(dir) == .directory
      }
    }
  }
}
