// `sebuf generate --template FILE`: generation settings from another file for one run, as
// buf's `--template` replaces buf.gen.yaml. The workspace (modules, includes, deps) still
// comes from sebuf.yaml or buf.yaml; only `generate` and `managed` are taken from the template.
import Basics
import Diagnostics
import Yams

extension Workspace {
  /// Keys a sebuf template (`version: v1`) may hold: the generation part of sebuf.yaml.
  static let templateKeys = ["version", "generate", "managed"]

  /// The workspace with its `generate` entries and `managed` settings replaced by those of
  /// `file` (relative to the current directory or absolute): a buf.gen.yaml v2
  /// (`version: v2`, `plugins:`, `managed:`, `clean:`, directory `inputs:` naming modules)
  /// or a sebuf template (`version: v1` with `generate:` and `managed:` only).
  /// `generationSource` becomes the template's path, so the manifest keeps its records apart.
  /// Throws ``DiagnosticError`` with every problem, at its line.
  public func applyingTemplate(_ file: String) throws -> Workspace {
    let path = FilePath.absolute(file)
    let shown = FilePath.relative(path, to: FilePath.absolute(root)) ?? path
    guard FileSystem.isFile(path), let text = FileSystem.readText(path) else {
      throw DiagnosticError(
        .error(
          "template \"\(file)\" does not exist or cannot be read; give a buf.gen.yaml (v2) or a sebuf template (v1).",
          rule: "CONFIG"))
    }
    var r = YAMLReader(file: shown)
    var raw = RawWorkspaceV1()
    var read = false
    if let node = r.parse(text) {
      if Self.declaredVersion(node) == "v2" {
        if let fields = Self.rootFields(node, &r, expected: "v2", allowed: BufConfigV2.genKeys, buf: true) {
          let modules = self.modules.map { m in
            RawModule(path: Located(m.path, Span.file(shown)), span: Span.file(shown))
          }
          BufConfigV2.decodeBufGenYAML(fields, &r, modules: modules, into: &raw)
          read = true
        }
      } else if let fields = Self.rootFields(node, &r, expected: "v1", allowed: Self.templateKeys) {
        raw = RawWorkspaceV1.decode(fields, &r, generation: true)
        read = true
      }
    }
    var v = WorkspaceValidator(root: root)
    var ws = self
    if read {
      ws.generate = v.generate(raw.generate)
      ws.managed = v.managed(raw.managed)
    }
    let diagnostics = r.diagnostics + v.diagnostics
    if diagnostics.hasErrors || !read { throw DiagnosticError(diagnostics.normalized()) }
    ws.generationSource = shown
    return ws
  }

  /// The `version` value of a root mapping, if it is a plain string.
  private static func declaredVersion(_ node: Node) -> String? {
    guard case .mapping(let m) = node else { return nil }
    return m.first(where: { $0.key.string == "version" })?.value.string
  }
}
