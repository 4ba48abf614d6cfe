// Finding and reading the workspace file: sebuf.yaml (v1), or buf.yaml + buf.gen.yaml (v2)
// for projects coming from buf, or nothing (the directory is one module with defaults).
import Basics
import Diagnostics
import Yams

extension GenerateEntry {
  /// Ids of the native backends, as written in `generate[].backend` (``BackendID``).
  public static let nativeBackends = BackendID.allCases.map(\.rawValue)

  /// The options as a protoc plugin parameter: `k=v` (or `k` alone) joined with commas, a
  /// comma in a value escaped as `\,` (``PluginParameter/join(_:)``).
  public var parameter: String { PluginParameter.join(options.map { ($0.key, $0.value) }) }
}

/// Which parts of the workspace files a command reads. Only `generate` and `plan` read the
/// generation settings (sebuf.yaml's `generate:`/`managed:`, buf.gen.yaml): a setting only
/// code generation uses never breaks `lint`, `build`, `breaking` or `ls-files` (buf's rule).
public enum ConfigScope: Sendable {
  /// Modules, includes, lint and breaking.
  case checks
  /// Everything, including `generate`/`managed` (and buf.gen.yaml).
  case generation
}

/// Which kind of file configured a workspace.
public enum WorkspaceFileKind: String, Sendable {
  /// `sebuf.yaml` version v1.
  case sebuf
  /// `buf.yaml` v2 (and `buf.gen.yaml` v2 next to it, if present).
  case buf
  /// No file: one module at the root with default settings.
  case none
}

extension Workspace {
  /// The name sebuf looks for.
  public static let fileName = "sebuf.yaml"

  /// Finds and reads the workspace for `directory`: `configFile` if given, else the nearest
  /// `sebuf.yaml` (or `buf.yaml` v2) in the directory or a parent, else the directory as one
  /// module with defaults. Throws ``DiagnosticError`` listing every problem of a bad config.
  ///
  /// With `configFile`, the workspace root is `directory` and the file may live anywhere.
  /// With `scope` `.checks`, the generation settings are neither read nor checked (buf.gen.yaml
  /// is not opened) and the workspace's `generate` is empty and `managed` off.
  public static func load(directory: String, configFile: String?, scope: ConfigScope = .checks) throws -> Workspace {
    let dir = FilePath.absolute(directory)
    switch FileSystem.kind(dir) {
    case .directory: break
    case .file:
      throw DiagnosticError(
        .error(
          "\"\(directory)\" is a file; give the workspace directory (use --path to limit the run to some files).",
          rule: "CONFIG"))
    case .missing:
      throw DiagnosticError(
        .error("directory \"\(directory)\" does not exist; give the workspace directory.", rule: "CONFIG"))
    }
    if let configFile {
      let path = FilePath.absolute(configFile)
      guard FileSystem.isFile(path) else {
        throw DiagnosticError(
          .error("config file \"\(configFile)\" does not exist.", rule: "CONFIG", at: .file(configFile)))
      }
      let shown = FilePath.relative(path, to: dir) ?? configFile
      let base = String(path.split(separator: "/").last ?? "")
      if base.hasPrefix("buf.gen.") {
        throw DiagnosticError(
          .error(
            "--config names buf.gen.yaml; pass buf.yaml instead (buf.gen.yaml next to it is read too).",
            rule: "CONFIG", at: .file(shown)))
      }
      // Any other name is read by its version: `version: v2` is a buf.yaml (buf's
      // --config and --against-config take a buf.yaml under any name).
      if base.hasPrefix("buf.") || Self.declaresV2(FileSystem.readText(path) ?? "") {
        return try loadBuf(root: dir, bufYAML: path, shown: shown, scope: scope)
      }
      return try loadSebuf(root: dir, file: path, shown: shown, scope: scope)
    }
    var current = dir
    while true {
      let sebuf = FilePath.join(current, fileName)
      if FileSystem.isFile(sebuf) {
        return try loadSebuf(root: current, file: sebuf, shown: fileName, scope: scope)
      }
      let buf = FilePath.join(current, "buf.yaml")
      if FileSystem.isFile(buf) {
        return try loadBuf(root: current, bufYAML: buf, shown: "buf.yaml", scope: scope)
      }
      if current == "/" { break }
      current = FilePath.parent(current)
    }
    var ws = Workspace(root: dir, modules: [Module(path: ".")])
    ws.kind = .none
    return ws
  }

  /// Reads `sebuf.yaml` text (for tests and tools); `root` is the absolute workspace root.
  /// With `scope` `.checks`, problems in `generate:`/`managed:` are not reported (nor read).
  public static func parse(
    sebufYAML text: String, file: String = fileName, root: String, scope: ConfigScope = .generation
  ) throws -> Workspace {
    var r = YAMLReader(file: file)
    var v = WorkspaceValidator(root: root)
    var ws: Workspace?
    if let node = r.parse(text), let fields = rootFields(node, &r, expected: "v1", allowed: RawWorkspaceV1.keys) {
      var raw = RawWorkspaceV1.decode(fields, &r, generation: scope == .generation)
      if scope == .checks {
        raw.generate = []
        raw.managed = nil
      }
      ws = validate(raw, &v, root: root)
    }
    let diagnostics = r.diagnostics + v.diagnostics
    if diagnostics.hasErrors || ws == nil { throw DiagnosticError(diagnostics.normalized()) }
    ws?.configFile = file
    ws?.kind = .sebuf
    return ws!
  }

  /// Reads buf.yaml v2 text and optional buf.gen.yaml v2 text (for tests and tools).
  /// buf.yaml's own keys are all about modules and checks, so it is read whole in every scope;
  /// callers that do not generate pass no buf.gen.yaml.
  public static func parse(bufYAML: String, bufGenYAML: String?, root: String, file: String = "buf.yaml") throws
    -> Workspace
  {
    var r = YAMLReader(file: file)
    var v = WorkspaceValidator(root: root)
    var raw = RawWorkspaceV1()
    var ok = false
    if let node = r.parse(bufYAML),
      let fields = rootFields(node, &r, expected: "v2", allowed: BufConfigV2.bufYAMLKeys, buf: true)
    {
      BufConfigV2.decodeBufYAML(fields, &r, into: &raw)
      ok = true
    }
    var diagnostics = r.diagnostics
    if let gen = bufGenYAML {
      let genFile = siblingName(of: file, "buf.gen.yaml")
      var g = YAMLReader(file: genFile)
      if let node = g.parse(gen),
        let fields = rootFields(node, &g, expected: "v2", allowed: BufConfigV2.genKeys, buf: true)
      {
        BufConfigV2.decodeBufGenYAML(fields, &g, modules: raw.modules, into: &raw)
      }
      diagnostics += g.diagnostics
    }
    var ws: Workspace?
    if ok { ws = validate(raw, &v, root: root) }
    // Several modules: each module's own lint block, with buf's default when it names no rules.
    var moduleLint: [String: LintConfig] = [:]
    var moduleBreaking: [String: BreakingConfig] = [:]
    if ok, let modules = raw.modules, modules.count > 1 {
      for m in modules {
        guard let path = m.path.flatMap({ PathRules.normalize($0.value) }) else { continue }
        if let block = m.lint {
          var c = v.lint(block)
          if block.use?.isEmpty ?? true { c.use = LintConfig.bufDefaultUse }
          moduleLint[path] = c.withHTTPRules()
        }
        if let block = m.breaking {
          var c = v.breaking(block)
          if block.use?.isEmpty ?? true { c.use = BreakingConfig.bufDefaultUse }
          moduleBreaking[path] = c
        }
      }
    }
    diagnostics += v.diagnostics
    if diagnostics.hasErrors || ws == nil { throw DiagnosticError(diagnostics.normalized()) }
    ws?.configFile = file
    ws?.kind = .buf
    // A buf.yaml that names no rules gets buf's defaults, so its findings match buf's.
    if raw.lint?.use?.isEmpty ?? true { ws?.lint.use = LintConfig.bufDefaultUse }
    if let lint = ws?.lint { ws?.lint = lint.withHTTPRules() }
    ws?.moduleLint = moduleLint
    ws?.moduleBreaking = moduleBreaking
    if raw.breaking?.use?.isEmpty ?? true { ws?.breaking.use = BreakingConfig.bufDefaultUse }
    return ws!
  }

  // MARK: - Private

  /// Whether a top-level `version:` line says v2 (quoted or not, a comment after it).
  static func declaresV2(_ text: String) -> Bool {
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix("version:") {
      var value = line.dropFirst("version:".count)
      if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
      let trimmed = value.filter { $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" && $0 != "\r" }
      return trimmed == "v2"
    }
    return false
  }

  private static func siblingName(of file: String, _ name: String) -> String {
    guard let i = file.lastIndex(of: "/") else { return name }
    return String(file[...i]) + name
  }

  private static func loadSebuf(root: String, file: String, shown: String, scope: ConfigScope) throws -> Workspace {
    guard let text = FileSystem.readText(file) else {
      throw DiagnosticError(.error("cannot read \(shown).", rule: "CONFIG", at: .file(shown)))
    }
    return try parse(sebufYAML: text, file: shown, root: root, scope: scope)
  }

  private static func loadBuf(root: String, bufYAML: String, shown: String, scope: ConfigScope) throws -> Workspace {
    guard let text = FileSystem.readText(bufYAML) else {
      throw DiagnosticError(.error("cannot read \(shown).", rule: "CONFIG", at: .file(shown)))
    }
    let genPath = FilePath.join(FilePath.parent(bufYAML), "buf.gen.yaml")
    let gen = scope == .generation && FileSystem.isFile(genPath) ? FileSystem.readText(genPath) : nil
    return try parse(bufYAML: text, bufGenYAML: gen, root: root, file: shown)
  }

  /// Checks that the root is a mapping with the expected `version`, then its keys.
  static func rootFields(
    _ node: Node, _ r: inout YAMLReader, expected: String, allowed: [String], buf: Bool = false
  ) -> Fields? {
    guard case .mapping(let m) = node else {
      r.error("\(r.file) must be a mapping of keys, starting with `version: \(expected)`.", at: r.span(node))
      return nil
    }
    guard let (_, vnode) = m.first(where: { $0.key.string == "version" }) else {
      r.error(
        "\"version\" is not set; add `version: \(expected)` as the first line.",
        at: Span(file: r.file, start: r.pos(1, 1), end: r.pos(1, 1)))
      return nil
    }
    guard let version = r.string(vnode, "version") else { return nil }
    if version.value != expected {
      var msg = "unknown version \"\(version.value)\"; \(r.file) must say `version: \(expected)`."
      if buf && (version.value == "v1" || version.value == "v1beta1") {
        msg = "\(r.file) version \(version.value) is not read; run `buf config migrate` to move it to v2."
      } else if !buf && version.value == "v2" {
        msg += " (A buf.yaml v2 is read as buf.yaml; sebuf.yaml's own version is v1.)"
      }
      r.error(msg, at: version.span)
      return nil
    }
    return r.mapping(node, context: r.file, allowed: allowed)
  }

  private static func validate(_ raw: RawWorkspaceV1, _ v: inout WorkspaceValidator, root: String) -> Workspace {
    var modules = v.modules(raw.modules, raw.modulesSpan)
    if let name = raw.rootModuleName, modules.count == 1, modules[0].path == "." { modules[0].name = name.value }
    let includes = v.includes(raw.includes, modules: modules)
    let cached = v.deps(raw.deps, modules: modules, includes: includes)
    var ws = Workspace(root: root, modules: modules, includes: includes)
    ws.cachedDependencies = cached
    ws.lint = v.lint(raw.lint).withHTTPRules()
    ws.breaking = v.breaking(raw.breaking)
    ws.generate = v.generate(raw.generate)
    ws.managed = v.managed(raw.managed)
    return ws
  }
}
